package org.vnpress.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The search page of issue 19 in headless Chromium, at a desktop and a phone viewport, against a
 * server holding the seeds and the 35 bundled resolutions: dates, paging, totals, landing, phone
 * layout, keyboard, Vietnamese messages, completion, facet filter boxes, export and feed.
 */
class SearchPageRoundTwoBrowserTest extends PageTest {
  private static final String SEED_HOANG_MAI = "001_231455aad9621628";
  private static final String SEED_UNDATED = "004_4cc13ceeb386153d";
  private static final String HOANG_MAI = "Hà Nội/Hoàng Mai";

  /** The two viewports of the issue: CSS pixels, as the page lays itself out. */
  enum Viewport {
    DESKTOP(1366, 900, false),
    PHONE(390, 844, true);

    final int width;
    final int height;
    final boolean mobile;

    Viewport(int width, int height, boolean mobile) {
      this.width = width;
      this.height = height;
      this.mobile = mobile;
    }
  }

  @BeforeAll
  static void startBrowserAndServer() throws IOException {
    start(TestServer::startBundled);
  }

  @BeforeEach
  void browserThere() {
    BrowserSupport.assumeBrowserAvailable();
    view(Viewport.DESKTOP);
  }

  @AfterEach
  void clearEmulation() {
    if (driver != null) {
      driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }
  }

  /** Lays the page out at exactly this viewport, as a phone or a desktop browser would. */
  private static void view(Viewport v) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", v.width, "height", v.height, "deviceScaleFactor", 1, "mobile", v.mobile));
  }

  // ------------------------------------------------------------------ dates

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void summaryAndTimelineSayHowManyResultsHaveNoDate(Viewport v) {
    view(v);
    open("/");
    settled();
    long undated = undatedFromTheApi("");
    assertThat(undated).isPositive();
    assertThat(text("summary")).contains("trong đó " + undated + " không rõ ngày (xếp cuối)");
    assertThat(text("timeline-note"))
        .isEqualTo("Biểu đồ không tính " + undated + " kết quả không rõ ngày.");
  }

  @Test
  void sortingByDatePutsTheUndatedLastWithNoDateShown() {
    open("/?size=100");
    settled();
    List<String> ids = hitIds();
    assertThat(ids.get(ids.size() - 1)).isEqualTo(SEED_UNDATED);
    WebElement last = hit(SEED_UNDATED);
    assertThat(last.findElement(By.cssSelector(".hit-meta > :first-child")).getText())
        .isEqualTo("Không rõ ngày");
  }

  // ------------------------------------------------------------------ paging and totals

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void pagerOffersOnlyPagesTheApiCanAnswer(Viewport v) {
    view(v);
    open("/");
    settled();
    // Five seeds and 35 resolutions cannot reach the API's depth of 10,000: the answers are given
    // the total of a big index, everything else as the server sent it.
    answersSay("{total: 50000}");
    typeAndSearch("nghị quyết");
    List<Integer> numbers = pageNumbers();
    assertThat(numbers).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1000));
    assertThat(numbers).contains(1000);
    assertThat(text("pagination"))
        .contains("Số trang chỉ đánh đến kết quả thứ 10.000", "thêm từ khóa hoặc chọn bộ lọc");
    click(By.cssSelector("#pagination a[aria-label='Trang 1000']"));
    waitFor().until(d -> urlParams().getOrDefault("page", List.of()).equals(List.of("1000")));
    settled();
    assertThat(phase()).isNotEqualTo("error");
    assertThat(driver.findElements(By.cssSelector("#pagination a[aria-label='Trang sau']")))
        .isEmpty();
  }

  @Test
  void aTypedPageBeyondTheDepthShowsTheLastReachableOneInsteadOfAnError() {
    open("/?q=" + enc("nghị quyết") + "&page=5000");
    settled();
    assertThat(phase()).isNotEqualTo("error");
    assertThat(urlParams().get("page")).isEqualTo(List.of("1000"));
    assertThat(text("status")).contains("Trang này không còn kết quả");
  }

  @Test
  void theLastNumberedPageGoesOnWithTheApisCursor() {
    open("/");
    settled();
    answersSay("{total: 50000, nextCursor: 'tiep-theo'}");
    typeAndSearch("nghị quyết");
    click(By.cssSelector("#pagination a[aria-label='Trang 1000']"));
    waitFor().until(d -> urlParams().getOrDefault("page", List.of()).equals(List.of("1000")));
    settled();
    String next =
        driver
            .findElement(By.cssSelector("#pagination a[aria-label='Trang sau']"))
            .getAttribute("href");
    assertThat(next).contains("page=1001", "cursor=tiep-theo");
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void estimatedRelaxedAndPartialAnswersSaySo(Viewport v) {
    view(v);
    open("/");
    settled();
    answersSay("{total: 230000, totalRelation: 'gte', relaxed: true, partial: true}");
    typeAndSearch("kinh tế");
    assertThat(text("summary")).startsWith("Tìm thấy hơn 230.000 kết quả");
    assertThat(text("summary-notes"))
        .contains(
            "Không có kết quả chứa tất cả các từ; đang hiện kết quả chứa phần lớn các từ.",
            "hết thời gian cho phép",
            "ước tính");
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void aWordNoReleaseHoldsGivesResultsWithMostWordsAndSaysSo(Viewport v) {
    view(v);
    // the real server: no release holds "xqzxqz", so the answer is relaxed
    open("/?q=" + enc("Hoàng Mai kinh tế xqzxqz"));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
    assertThat(text("summary-notes"))
        .isEqualTo("Không có kết quả chứa tất cả các từ; đang hiện kết quả chứa phần lớn các từ.");
  }

  // ------------------------------------------------------------------ landing

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void landingSaysWhatIsSearchedAndItsExamplesFindResults(Viewport v) {
    view(v);
    open("/");
    settled();
    Map<String, Object> facts = landingFacts();
    waitFor().until(d -> !text("intro-about").contains("ít nhất"));
    assertThat(text("intro-about"))
        .startsWith("vnpress tìm trong " + facts.get("total") + " thông cáo và văn bản")
        .contains("từ năm " + facts.get("firstYear") + " đến " + facts.get("lastYear"))
        .contains(facts.get("districts") + " quận, huyện của " + facts.get("provinces") + " tỉnh");
    List<String> examples =
        driver.findElements(By.cssSelector("#intro li a")).stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(examples).hasSize(3);
    // the sentence and the examples leave the newest release on the first screen
    assertThat(rect(By.cssSelector("#hits .hit")).get("top").doubleValue()).isLessThan(v.height);
    assertThat(scrollWidth()).isLessThanOrEqualTo(v.width);
    if (v == Viewport.PHONE) {
      BrowserSupport.saveScreenshot(driver, "landing-phone");
    }
    for (String href : examples) {
      driver.get(href);
      settled();
      assertThat(hitIds()).as(href).isNotEmpty();
    }
  }

  // ------------------------------------------------------------------ phone layout and keyboard

  @Test
  void onAPhoneTheCountAndSortShareALineAndTheFirstResultIsOnTheFirstScreen() {
    view(Viewport.PHONE);
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    Map<String, Number> summary = rect(By.id("summary"));
    Map<String, Number> sort = rect(By.id("sort"));
    // on one line: the two boxes overlap vertically
    assertThat(sort.get("top").doubleValue()).isLessThan(summary.get("bottom").doubleValue());
    assertThat(summary.get("top").doubleValue()).isLessThan(sort.get("bottom").doubleValue());
    Map<String, Number> first = rect(By.cssSelector("#hits .hit"));
    assertThat(first.get("bottom").doubleValue()).isLessThanOrEqualTo(Viewport.PHONE.height);
    // one result is a few lines, not a screen
    assertThat(first.get("height").doubleValue()).isLessThan(Viewport.PHONE.height * 0.5);
    assertThat(scrollWidth()).isLessThanOrEqualTo(Viewport.PHONE.width);
    BrowserSupport.saveScreenshot(driver, "phone-results");
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void aLongUnbrokenQueryWrapsInsteadOfWideningThePage(Viewport v) {
    view(v);
    String word = "hoangmai".repeat(40);
    open("/?q=" + word);
    waitFor().until(d -> "empty".equals(phase()));
    assertThat(text("status")).contains(word);
    assertThat(scrollWidth()).isLessThanOrEqualTo(v.width);
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void theSkipLinkReachesTheFirstResultInThreeKeys(Viewport v) {
    view(v);
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
    WebElement skip = driver.switchTo().activeElement();
    assertThat(skip.getText()).isEqualTo("Đến kết quả tìm kiếm");
    assertThat(skip.isDisplayed()).isTrue();
    skip.sendKeys(Keys.ENTER);
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement focused = driver.switchTo().activeElement();
    assertThat(focused.getTagName()).isEqualTo("a");
    assertThat(hitIdOf(focused)).isEqualTo(hitIds().get(0));
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void backFromADocumentGivesFocusBackToItsResult(Viewport v) {
    view(v);
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    String second = hitIds().get(1);
    WebElement link = hit(second).findElement(By.cssSelector(".hit-title a"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", link);
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("doc", List.of()).equals(List.of(second)));
    settled();
    driver.navigate().back();
    waitFor().until(d -> !urlParams().containsKey("doc"));
    settled();
    waitFor().until(d -> second.equals(hitIdOf(d.switchTo().activeElement())));
  }

  // ------------------------------------------------------------------ Vietnamese everywhere

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void sourcesAreNamedInVietnamese(Viewport v) {
    view(v);
    open("/?q=" + enc("sắp xếp đơn vị hành chính"));
    settled();
    assertThat(
            driver.findElements(By.cssSelector("#hits .source")).stream().map(WebElement::getText))
        .contains("Nguồn: thuvienphapluat.vn (bộ dữ liệu dvhcvn/20250701)");
    assertThat(text("hits")).doesNotContain("(from ");
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void aRefusedSearchSaysWhyInVietnameseAndClearsThePreviousAnswer(Viewport v) {
    view(v);
    open("/?q=" + enc("muc tieu kep"));
    settled();
    assertThat(driver.findElement(By.id("suggestion")).isDisplayed()).isTrue();
    // 1,001 characters: the API refuses the query (400, in English)
    String tooLong = "a ".repeat(500) + "b";
    ((JavascriptExecutor) driver)
        .executeScript(
            "const q = document.getElementById('q'); q.value = arguments[0];"
                + " document.getElementById('search-form').requestSubmit();",
            tooLong);
    waitFor().until(d -> "error".equals(phase()));
    WebElement error = driver.findElement(By.id("error"));
    assertThat(error.getText()).contains("Không thể tải kết quả", "Từ khóa quá dài");
    assertThat(error.getText()).doesNotContain("must", "exceed");
    // a refused request would be refused again: no retry
    assertThat(error.findElements(By.tagName("button"))).isEmpty();
    assertThat(driver.findElement(By.id("suggestion")).isDisplayed()).isFalse();
    assertThat(driver.findElements(By.cssSelector("#facet-groups input[type=checkbox]"))).isEmpty();
    assertThat(driver.findElement(By.id("timeline")).isDisplayed()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void anUnknownPathIsAVietnamese404Page(Viewport v) {
    view(v);
    open("/khong-co-trang-nay");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Không tìm thấy trang này");
    assertThat(driver.findElement(By.cssSelector("main a[href='/']")).getText())
        .isEqualTo("về trang chủ");
    assertThat(scrollWidth()).isLessThanOrEqualTo(v.width);
    assertThat(problems()).isEmpty();
  }

  // ------------------------------------------------------------------ completion

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void completionListIsAComboboxThatTheKeyboardDrives(Viewport v) {
    view(v);
    open("/");
    settled();
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("hoang m");
    waitFor().until(d -> d.findElement(By.id("q-completions")).isDisplayed());
    assertThat(q.getAttribute("role")).isEqualTo("combobox");
    assertThat(q.getAttribute("aria-expanded")).isEqualTo("true");
    WebElement first = driver.findElement(By.cssSelector("#q-completions [role=option]"));
    assertThat(first.getText()).startsWith("Quận Hoàng Mai");
    q.sendKeys(Keys.ARROW_DOWN);
    assertThat(q.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
    assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
    q.sendKeys(Keys.ENTER);
    waitFor()
        .until(d -> urlParams().getOrDefault("district", List.of()).equals(List.of(HOANG_MAI)));
    settled();
    assertThat(urlParams()).doesNotContainKey("q");
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
    assertThat(driver.findElement(By.id("q-completions")).isDisplayed()).isFalse();
  }

  @Test
  void escapeClosesTheCompletionsAndAClickPicksOne() {
    open("/");
    settled();
    WebElement q = driver.findElement(By.id("q"));
    q.sendKeys("15-nq");
    waitFor().until(d -> d.findElement(By.id("q-completions")).isDisplayed());
    q.sendKeys(Keys.ESCAPE);
    assertThat(driver.findElement(By.id("q-completions")).isDisplayed()).isFalse();
    assertThat(q.getAttribute("aria-expanded")).isEqualTo("false");
    q.sendKeys("/");
    waitFor().until(d -> d.findElement(By.id("q-completions")).isDisplayed());
    WebElement doc =
        driver.findElement(By.cssSelector("#q-completions [role=option][data-kind=document]"));
    String number = doc.findElement(By.className("completion-text")).getText();
    assertThat(number).startsWith("15-NQ/");
    doc.click();
    waitFor().until(d -> urlParams().getOrDefault("document", List.of()).equals(List.of(number)));
    settled();
    assertThat(hitIds()).isNotEmpty();
  }

  // ------------------------------------------------------------------ facets

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void everyFacetLongerThanTenValuesHasAFilterBox(Viewport v) {
    view(v);
    open("/");
    settled();
    if (v == Viewport.PHONE) {
      driver.findElement(By.id("drawer-toggle")).click();
      waitFor().until(d -> d.findElement(By.id("facets")).isDisplayed());
    }
    Map<String, Integer> sizes = facetSizesFromTheApi();
    assertThat(sizes.values()).anyMatch(n -> n > 10);
    for (var e : sizes.entrySet()) {
      List<WebElement> boxes =
          driver.findElements(
              By.cssSelector("fieldset[data-facet='" + e.getKey() + "'] input[data-facet-filter]"));
      assertThat(boxes)
          .as(e.getKey() + " with " + e.getValue() + " values")
          .hasSize(e.getValue() > 10 ? 1 : 0);
    }
    // the district box narrows the list and keeps the focus while it is redrawn
    WebElement filter = driver.findElement(By.id("filter-district"));
    filter.sendKeys("hoang");
    waitFor().until(d -> facetLabels("district").contains("Quận Hoàng Mai"));
    assertThat(facetLabels("district")).allSatisfy(l -> assertThat(l).contains("Hoàng"));
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("filter-district");
  }

  @Test
  void aFilterBoxOnACutListSearchesTheWholeList() {
    open("/");
    settled();
    Map<String, Integer> sizes = facetSizesFromTheApi();
    // the ward list is longer than the 30 values the sidebar first asks for
    assertThat(sizes.get("place")).isGreaterThan(30);
    String last = lastPlaceLabelFromTheApi();
    assertThat(facetLabels("place")).doesNotContain(last);
    driver.findElement(By.id("filter-place")).sendKeys(last);
    waitFor().until(d -> facetLabels("place").contains(last));
    // ticking a value keeps what was typed: the next one can be ticked from the same short list
    click(By.cssSelector("fieldset[data-facet='place'] li.facet-item input"));
    waitFor().until(d -> urlParams().containsKey("place"));
    settled();
    assertThat(driver.findElement(By.id("filter-place")).getAttribute("value")).isEqualTo(last);
  }

  // ------------------------------------------------------------------ export and feed

  @ParameterizedTest
  @EnumSource(Viewport.class)
  void exportAndFeedLinksCarryTheSearchAndAnswer(Viewport v) {
    view(v);
    open("/?q=" + enc("Hoàng Mai") + "&district=" + enc(HOANG_MAI));
    settled();
    List<WebElement> links = driver.findElements(By.cssSelector("#take-away a"));
    assertThat(links)
        .extracting(WebElement::getText)
        .containsExactly("Tải CSV", "Tải JSON", "Theo dõi (Atom)");
    for (WebElement a : links) {
      String href = URLDecoder.decode(a.getAttribute("href"), StandardCharsets.UTF_8);
      assertThat(href).contains("q=Hoàng Mai", "district=" + HOANG_MAI);
    }
    @SuppressWarnings("unchecked")
    List<String> types =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "Promise.all([...document.querySelectorAll('#take-away a')].map(a => fetch(a.href)"
                        + ".then(r => r.status + ' ' + r.headers.get('content-type').replace(/;\\s*/, '; ')))).then(done);");
    assertThat(types)
        .containsExactly(
            "200 text/csv; charset=utf-8",
            "200 application/json; charset=utf-8",
            "200 application/atom+xml; charset=utf-8");
    assertThat(driver.findElement(By.id("feed-link")).getAttribute("href"))
        .isEqualTo(links.get(2).getAttribute("href"));
  }

  // ------------------------------------------------------------------ document view

  @Test
  void theDocumentViewMarksEveryOccurrenceOfTheMatchedWords() {
    open("/?doc=" + SEED_HOANG_MAI + "&q=" + enc("kinh tế"));
    settled();
    @SuppressWarnings("unchecked")
    List<Long> counts =
        (List<Long>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "const body = document.querySelector('#doc-view .doc-body');"
                        + "const occurrences = (body.textContent.match(/kinh tế/gi) || []).length;"
                        + "const marked = [...body.querySelectorAll('mark')].filter(m => /^kinh tế$/i.test(m.textContent)).length;"
                        + "return [occurrences, marked];");
    assertThat(counts.get(0)).isPositive();
    assertThat(counts.get(1)).isEqualTo(counts.get(0));
  }

  /** docs/screenshot.png is a copy of this file; docs/screenshot-phone.png of phone-results. */
  @Test
  void desktopScreenshotOfTheLanding() {
    open("/");
    settled();
    waitFor().until(d -> !text("intro-about").contains("ít nhất"));
    assertThat(BrowserSupport.saveScreenshot(driver, "landing-desktop")).isRegularFile();
    assertThat(problems()).isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  /** Every later answer of /api/search in this page gets these keys over what the server said. */
  private static void answersSay(String overrides) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "const extra = "
                + overrides
                + ";"
                + "const real = window.fetch;"
                + "window.fetch = (url, opts) => real(url, opts).then(async r => {"
                + "  if (!String(url).startsWith('/api/search') || !r.ok) return r;"
                + "  const body = Object.assign(await r.json(), extra);"
                + "  return new Response(JSON.stringify(body), {status: 200, headers: {'Content-Type': 'application/json'}});"
                + "});");
  }

  private static void typeAndSearch(String q) {
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys(q, Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("q", List.of()).equals(List.of(q)));
    settled();
  }

  private static List<Integer> pageNumbers() {
    List<Integer> out = new ArrayList<>();
    for (WebElement e : driver.findElements(By.cssSelector("#pagination .page"))) {
      String t = e.getText().replace(".", "");
      if (t.matches("\\d+")) {
        out.add(Integer.parseInt(t));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> api(String query) {
    return (Map<String, Object>)
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/api/search?' + arguments[0]).then(r => r.json()).then(done);",
                query);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> facet(Map<String, Object> r, String name) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) r.get("facets")).getOrDefault(name, List.of());
  }

  /** Results without a date: total less every dated one (each dated release has one year). */
  private static long undatedFromTheApi(String query) {
    Map<String, Object> r = api(query + "&size=1&facetLimit=1000");
    long dated =
        facet(r, "year").stream().mapToLong(y -> ((Number) y.get("count")).longValue()).sum();
    return ((Number) r.get("total")).longValue() - dated;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> facetSizesFromTheApi() {
    Map<String, Object> r = api("size=1&facetLimit=1000");
    Map<String, Integer> sizes = new LinkedHashMap<>();
    ((Map<String, Object>) r.get("facets"))
        .forEach(
            (k, v) -> {
              if (!((List<?>) v).isEmpty()) {
                sizes.put(k, ((List<?>) v).size());
              }
            });
    return sizes;
  }

  private static String lastPlaceLabelFromTheApi() {
    List<Map<String, Object>> places = facet(api("size=1&facetLimit=1000"), "place");
    return (String) places.get(places.size() - 1).get("label");
  }

  /** What the landing sentence must say, from the API. */
  private static Map<String, Object> landingFacts() {
    Map<String, Object> r = api("size=1&facetLimit=1000");
    List<Integer> years =
        facet(r, "year").stream()
            .map(y -> Integer.parseInt((String) y.get("value")))
            .sorted()
            .toList();
    List<Map<String, Object>> districts = facet(r, "district");
    long provinces =
        districts.stream().map(d -> ((String) d.get("value")).split("/")[0]).distinct().count();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("total", r.get("total"));
    facts.put("firstYear", years.get(0));
    facts.put("lastYear", years.get(years.size() - 1));
    facts.put("districts", districts.size());
    facts.put("provinces", provinces);
    return facts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Number> rect(By by) {
    return (Map<String, Number>)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                    + "return {top: r.top, bottom: r.bottom, height: r.height};",
                driver.findElement(by));
  }

  private static String hitIdOf(WebElement e) {
    return (String)
        ((JavascriptExecutor) driver)
            .executeScript(
                "const h = arguments[0].closest('.hit'); return h ? h.dataset.id : null;", e);
  }
}
