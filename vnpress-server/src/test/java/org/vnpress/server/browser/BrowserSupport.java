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

/**
 * Starts headless Debian Chromium through /usr/bin/chromedriver, or skips when they are missing.
 */
final class BrowserSupport {
  // Debian's paths; overridable for other systems (and to try the skip path on a machine that has
  // them).
  static final Path CHROMIUM = Path.of(System.getProperty("vnpress.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("vnpress.chromedriver", "/usr/bin/chromedriver"));

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
   * Why the browser tests cannot run here, or null when Chromium and chromedriver are installed.
   */
  static String missingBrowser() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return null;
    }
    return "Browser tests need "
        + CHROMIUM
        + " and "
        + CHROMEDRIVER
        + " (apt-get install -y chromium chromium-driver)";
  }

  /**
   * Checks once per class: prints why the tests will be skipped, or fails when they are required,
   * so CI cannot pass without running them.
   */
  static boolean checkBrowserAvailable() {
    String missing = missingBrowser();
    if (missing != null && required()) {
      throw new IllegalStateException(missing + "; -Dvnpress.browserTests=required is set");
    }
    if (missing != null) {
      System.err.println("SKIPPED browser tests: " + missing);
    }
    return missing == null;
  }

  /** Skips the calling test, with the reason, when the browser is missing. */
  static void assumeBrowserAvailable() {
    String missing = missingBrowser();
    Assumptions.assumeTrue(missing == null, missing);
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
    // Records script errors and Content-Security-Policy violations of every page, for the tests to
    // read.
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
