package org.vnpress.server.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/** Saves a screenshot and the page's DOM to target/browser-failures/ when a browser test fails. */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {
  private final Supplier<WebDriver> driver;

  ScreenshotOnFailure(Supplier<WebDriver> driver) {
    this.driver = driver;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    // Runs before @AfterEach, while the page that failed is still on screen.
    if (context.getExecutionException().isEmpty() || driver.get() == null) {
      return;
    }
    Path dir = Path.of(System.getProperty("vnpress.project", "."), "target", "browser-failures");
    Files.createDirectories(dir);
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    WebDriver webDriver = driver.get();
    try {
      Path png = ((TakesScreenshot) webDriver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve(name + ".html"), webDriver.getPageSource());
      System.err.println(
          "Browser test failed at "
              + webDriver.getCurrentUrl()
              + "; screenshot: "
              + dir.resolve(name + ".png"));
    } catch (RuntimeException e) {
      // A dead browser must not hide the test's own failure.
      System.err.println("Could not save a screenshot for " + name + ": " + e);
    }
  }
}
