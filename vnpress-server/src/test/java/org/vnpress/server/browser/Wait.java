package org.vnpress.server.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

/**
 * Polls a condition against the browser until it holds (selenium-support's WebDriverWait is not on
 * the classpath: only selenium-chrome-driver is a dependency).
 */
final class Wait {
  private final WebDriver driver;
  private final Duration timeout;

  Wait(WebDriver driver, Duration timeout) {
    this.driver = driver;
    this.timeout = timeout;
  }

  /** Returns once `condition` is true; elements missing or re-rendered meanwhile count as false. */
  void until(Function<WebDriver, Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        if (Boolean.TRUE.equals(condition.apply(driver))) {
          return;
        }
      } catch (NoSuchElementException | StaleElementReferenceException e) {
        // The page re-renders its lists after each response; try again on the next poll.
        last = e;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Timed out after " + timeout.toMillis() + " ms at " + driver.getCurrentUrl(), last);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
