package org.vnpress.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Starts headless Debian Chromium through /usr/bin/chromedriver, or skips when they are missing. */
final class BrowserSupport {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final String PAGE_PROBLEM_RECORDER =
      "window.__vnpressProblems = [];"
          + "addEventListener('error', e => __vnpressProblems.push('error: ' + (e.message || e.target)), true);"
          + "addEventListener('unhandledrejection', e => __vnpressProblems.push('rejection: ' + e.reason));"
          + "document.addEventListener('securitypolicyviolation',"
          + " e => __vnpressProblems.push('csp: ' + e.violatedDirective + ' ' + e.blockedURI));";

  private BrowserSupport() {}

  /** True when CI asked for the browser tests to run (-Dvnpress.browserTests=required). */
  static boolean required() {
    return "required"
        .equals(System.getProperty("vnpress.browserTests", "optional").toLowerCase(Locale.ROOT));
  }

  /**
   * Skips the calling test class with a visible reason when Chromium or chromedriver is missing;
   * fails instead when the browser tests are required, so CI cannot pass without running them.
   */
  static void assumeBrowserAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message =
        "Browser tests need "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)";
    if (!present && required()) {
      throw new IllegalStateException(message + "; -Dvnpress.browserTests=required is set");
    }
    if (!present) {
      System.err.println("SKIPPED browser tests: " + message);
    }
    Assumptions.assumeTrue(present, message);
  }

  /** A fresh headless Chromium with its own profile; nothing is downloaded by Selenium Manager. */
  static ChromeDriver startChrome(Path profileDir) {
    // Pointing Selenium at the Debian driver and binary keeps Selenium Manager offline.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--lang=vi-VN",
        "--window-size=1280,900",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    // Records script errors and Content-Security-Policy violations of every page, for the tests to read.
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAGE_PROBLEM_RECORDER));
    return driver;
  }

  /** Saves what the browser shows to target/screenshots/NAME.png and returns the file. */
  static Path saveScreenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of(System.getProperty("vnpress.project", "."), "target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempProfile() {
    try {
      return Files.createTempDirectory("vnpress-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
