package org.vnpress.server.browser;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser tests share: one headless Chromium and one server per test class, a screenshot
 * when a test fails, and the page's helpers (open a URL, wait until the page has answered, read the
 * hits, the facets and the URL's state). Test classes run one after the other, each starting its
 * own browser and server in its {@code @BeforeAll} through {@link #start}.
 */
abstract class PageTest {

  static TestServer server;
  static ChromeDriver driver;
  private static Path profile;

  @RegisterExtension final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> driver);

  /** How a test class gets its server. */
  interface Servers {
    TestServer start() throws IOException;
  }

  /**
   * Starts the server and the browser, or prints why the class's tests will be skipped (and fails
   * when they are required).
   */
  static void start(Servers servers) throws IOException {
    if (!BrowserSupport.checkBrowserAvailable()) {
      return;
    }
    server = servers.start();
    profile = BrowserSupport.tempProfile();
    driver = BrowserSupport.startChrome(profile);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
    if (profile != null) {
      IOUtils.rm(profile);
      profile = null;
    }
  }

  /** Script errors, rejected promises and CSP violations the page met since it loaded. */
  @SuppressWarnings("unchecked")
  static List<String> problems() {
    return (List<String>)
        ((JavascriptExecutor) driver).executeScript("return window.__vnpressProblems || []");
  }

  /**
   * Finds and clicks an element as one step, again while it is replaced in between: the page
   * re-renders lists and the chart after responses and resizes.
   */
  static void click(By by) {
    waitFor()
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  static void open(String pathAndQuery) {
    driver.get(server.base() + pathAndQuery);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Wait waitFor() {
    return new Wait(driver, Duration.ofSeconds(10));
  }

  static String phase() {
    return (String)
        ((JavascriptExecutor) driver).executeScript("return document.body.dataset.phase || ''");
  }

  /** Waits until the page has finished its current request and shown the outcome. */
  static void settled() {
    waitFor().until(d -> List.of("ready", "empty", "error").contains(phase()));
  }

  /** The query parameters of the current URL, decoded, in their order. */
  static Map<String, List<String>> urlParams() {
    String url = driver.getCurrentUrl();
    Map<String, List<String>> params = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return params;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] kv = pair.split("=", 2);
      String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
      params
          .computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
          .add(value);
    }
    return params;
  }

  static List<String> hitIds() {
    return driver.findElements(By.cssSelector("#hits .hit")).stream()
        .map(e -> e.getAttribute("data-id"))
        .toList();
  }

  static WebElement hit(String id) {
    return driver.findElement(By.cssSelector("#hits .hit[data-id='" + id + "']"));
  }

  static List<String> facetLabels(String facet) {
    return driver
        .findElements(
            By.cssSelector("fieldset[data-facet='" + facet + "'] li.facet-item .facet-label"))
        .stream()
        .map(e -> e.getAttribute("textContent"))
        .toList();
  }

  static String text(String id) {
    return driver.findElement(By.id(id)).getAttribute("textContent");
  }

  static long scrollWidth() {
    return (Long)
        ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
  }
}
