package org.vnpress.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The search page in headless Chromium against a server holding the five seed press releases. */
class SearchPageBrowserTest extends PageTest {
  private static final String SEED_HOANG_MAI = "001_231455aad9621628";
  private static final String SEED_NAM_TU_LIEM = "002_ee1f14a8cdde49d3";
  private static final String SEED_MONTH_ONLY = "003_748c56fe5ba81c01";
  private static final String SEED_UNDATED = "004_4cc13ceeb386153d";
  private static final String HOANG_MAI = "Hà Nội/Hoàng Mai";
  private static final String HAI_BA_TRUNG = "Hà Nội/Hai Bà Trưng";

  @BeforeAll
  static void startBrowserAndServer() throws IOException {
    start(TestServer::start);
  }

  @BeforeEach
  void desktopWindow() {
    // Each test reports itself skipped, so a run without Chromium shows how much was not tested.
    BrowserSupport.assumeBrowserAvailable();
    driver.manage().window().setSize(new Dimension(1366, 900));
  }

  // ------------------------------------------------------------------ search and results

  @Test
  void typingAQueryShowsHighlightedResults() {
    open("/");
    settled();
    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys("Hoàng Mai");
    waitFor().until(d -> urlParams().getOrDefault("q", List.of()).contains("Hoàng Mai"));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
    assertThat(driver.findElements(By.cssSelector(".hit .snippet mark"))).isNotEmpty();
  }

  @Test
  void enterSearchesWithoutWaitingForTheTypingPause() {
    open("/");
    settled();
    driver.findElement(By.id("q")).sendKeys("Nam Từ Liêm", Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("q", List.of()).contains("Nam Từ Liêm"));
    settled();
    assertThat(hitIds()).contains(SEED_NAM_TU_LIEM);
  }

  @Test
  void hoangMaiQueryShowsSeedWithSnippetFacetsAndTimeline() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    WebElement hit = hit(SEED_HOANG_MAI);
    assertThat(hit.findElement(By.cssSelector(".hit-title a")).getText())
        .isEqualTo("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng 9,54%");
    assertThat(hit.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
    assertThat(facetLabels("district")).contains("Quận Hoàng Mai");
    assertThat(facetCounts("quarter")).containsKey("2022-Q4");
    assertThat(
            driver.findElements(By.cssSelector("#timeline-chart svg .bar[data-quarter='2022-Q4']")))
        .hasSize(1);
  }

  @Test
  void desktopScreenshotOfHoangMai() {
    // The window includes the browser's own frame: grow it until the page itself is 1366x900.
    long frame =
        (Long)
            ((JavascriptExecutor) driver)
                .executeScript("return window.outerHeight - window.innerHeight");
    driver.manage().window().setSize(new Dimension(1366, 900 + (int) frame));
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    // A 1366x900 look at a query's results (target/screenshots/); docs/ shows the landing.
    assertThat(BrowserSupport.saveScreenshot(driver, "search-hoang-mai")).isRegularFile();
  }

  @Test
  void resultShowsDateChipsAndTotal() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    WebElement hit = hit(SEED_HOANG_MAI);
    assertThat(hit.findElement(By.cssSelector(".hit-meta time")).getText()).isEqualTo("30/12/2022");
    assertThat(hit.findElement(By.cssSelector(".chip-district")).getText())
        .isEqualTo("Quận Hoàng Mai");
    assertThat(driver.findElement(By.id("summary")).getText())
        .matches(
            "Tìm thấy \\d+ kết quả(, trong đó \\d+ không rõ ngày)? \\((\\d+ ms|\\d+,\\d giây)\\)");
  }

  @Test
  void monthOnlyDateShowsMonthAndYear() {
    open("/");
    settled();
    assertThat(hit(SEED_MONTH_ONLY).findElement(By.cssSelector(".hit-meta time")).getText())
        .isEqualTo("10/2022");
  }

  @Test
  void undatedReleaseSaysSoWhereTheDateWouldBe() {
    open("/");
    settled();
    WebElement meta = hit(SEED_UNDATED).findElement(By.cssSelector(".hit-meta"));
    assertThat(meta.findElements(By.tagName("time"))).isEmpty();
    // the first thing in the line is the date's place, never the source
    assertThat(meta.findElement(By.cssSelector(":scope > :first-child")).getText())
        .isEqualTo("Không rõ ngày");
  }

  @Test
  void documentChipLinksToThatDocumentNumber() {
    open("/?q=" + enc("Nam Từ Liêm"));
    settled();
    List<String> chips =
        hit(SEED_NAM_TU_LIEM).findElements(By.cssSelector(".chip-document")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(chips).contains("15-NQ/TU", "15-CT/TU");
  }

  @Test
  void sortByDatePutsTheNewestFirstAndTheUndatedLast() {
    open("/?q=" + enc("quận"));
    settled();
    assertThat(driver.findElement(By.id("sort")).getAttribute("value")).isEqualTo("relevance");
    driver.findElement(By.cssSelector("#sort option[value='date']")).click();
    waitFor().until(d -> urlParams().getOrDefault("sort", List.of()).equals(List.of("date")));
    settled();
    @SuppressWarnings("unchecked")
    List<String> dates =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return [...document.querySelectorAll('#hits .hit-meta > :first-child')]"
                        + ".map(e => e.getAttribute('datetime') || '');");
    // newest first ("2022-10" sorts as its first day), every undated one after every dated one
    List<String> dated = dates.stream().filter(d -> !d.isEmpty()).toList();
    assertThat(dated).isNotEmpty().isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(dates.subList(0, dated.size())).isEqualTo(dated);
    assertThat(dates).hasSizeGreaterThan(dated.size());
    assertThat(driver.findElement(By.id("summary")).getText())
        .contains("trong đó " + (dates.size() - dated.size()) + " không rõ ngày (xếp cuối)");
  }

  @Test
  void landingIsNewestFirstAndTheSortBoxSaysSo() {
    open("/");
    settled();
    WebElement sort = driver.findElement(By.id("sort"));
    assertThat(sort.getAttribute("value")).isEqualTo("date");
    assertThat(sort.findElement(By.cssSelector("option:checked")).getText()).isEqualTo("Mới nhất");
    assertThat(driver.findElement(By.id("hits-heading")).getAttribute("textContent"))
        .isEqualTo("Thông cáo mới nhất");
    assertThat(hitIds().get(0)).isEqualTo(SEED_HOANG_MAI);
  }

  @Test
  void paginationMovesToTheNextPage() {
    open("/?size=2");
    settled();
    List<String> first = hitIds();
    assertThat(first).hasSize(2);
    driver.findElement(By.cssSelector("#pagination a[aria-label='Trang sau']")).click();
    waitFor().until(d -> urlParams().getOrDefault("page", List.of()).equals(List.of("2")));
    settled();
    assertThat(hitIds()).hasSize(2).doesNotContainAnyElementsOf(first);
    assertThat(driver.findElement(By.cssSelector("#pagination [aria-current=page]")).getText())
        .isEqualTo("2");
  }

  @Test
  void accentSuggestionLinkSearchesTheSuggestion() {
    open("/?q=" + enc("muc tieu kep"));
    settled();
    WebElement suggestion = driver.findElement(By.id("suggestion"));
    assertThat(suggestion.getText()).startsWith("Có phải bạn muốn tìm:").contains("mục tiêu kép");
    suggestion.findElement(By.tagName("a")).click();
    waitFor().until(d -> urlParams().getOrDefault("q", List.of()).equals(List.of("mục tiêu kép")));
    settled();
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("mục tiêu kép");
  }

  @Test
  void urlStateRoundTripsDiacriticsAndSlashes() {
    open("/");
    settled();
    Object url =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/state.js').then(m => done(m.stateToUrl(m.parseState("
                    + "'?q=Ngh%E1%BB%8B+quy%E1%BA%BFt+15-NQ%2FT%C6%AF&district=H%C3%A0+N%E1%BB%99i%2FHo%C3%A0ng+Mai"
                    + "&district=H%E1%BB%93+Ch%C3%AD+Minh%2FQu%E1%BA%ADn+11&sort=date&page=3'))));");
    assertThat(url)
        .isEqualTo(
            "/?q=Ngh%E1%BB%8B+quy%E1%BA%BFt+15-NQ%2FT%C6%AF&district=H%C3%A0+N%E1%BB%99i%2FHo%C3%A0ng+Mai"
                + "&district=H%E1%BB%93+Ch%C3%AD+Minh%2FQu%E1%BA%ADn+11&sort=date&page=3");
  }

  // ------------------------------------------------------------------ facets

  @Test
  void tickingADistrictFiltersAndKeepsOtherDistrictCounts() {
    open("/");
    settled();
    Map<String, Integer> districtsBefore = facetCounts("district");
    Map<String, Integer> quartersBefore = facetCounts("quarter");
    assertThat(districtsBefore).containsKeys(HOANG_MAI, HAI_BA_TRUNG);

    checkbox("district", HOANG_MAI).click();
    waitFor().until(d -> urlParams().getOrDefault("district", List.of()).contains(HOANG_MAI));
    settled();

    assertThat(checkbox("district", HOANG_MAI).isSelected()).isTrue();
    // Drill-sideways: the other districts still show what ticking them would add.
    assertThat(facetCounts("district")).isEqualTo(districtsBefore);
    assertThat(facetCounts("quarter")).isNotEqualTo(quartersBefore);
    assertThat(hitIds()).containsExactly(SEED_HOANG_MAI);
  }

  @Test
  void districtInUrlShowsOnlyThatDistrictsReleases() {
    open("/?district=" + enc(HOANG_MAI));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
    for (WebElement hit : driver.findElements(By.cssSelector("#hits .hit"))) {
      assertThat(
              hit.findElements(By.cssSelector(".chip-district")).stream().map(WebElement::getText))
          .contains("Quận Hoàng Mai");
    }
    assertThat(checkbox("district", HOANG_MAI).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("active-filters")).getText()).contains("Quận Hoàng Mai");
  }

  @Test
  void removingAnActiveFilterChipClearsIt() {
    open("/?district=" + enc(HOANG_MAI));
    settled();
    driver.findElement(By.cssSelector("#active-filters button.chip")).click();
    waitFor().until(d -> !urlParams().containsKey("district"));
    settled();
    assertThat(checkbox("district", HOANG_MAI).isSelected()).isFalse();
    assertThat(hitIds()).hasSizeGreaterThan(1);
  }

  @Test
  void clearAllRemovesEveryFilter() {
    open("/?district=" + enc(HOANG_MAI) + "&quarter=2022-Q4");
    settled();
    driver.findElement(By.cssSelector("#active-filters .clear-all")).click();
    waitFor()
        .until(d -> !urlParams().containsKey("district") && !urlParams().containsKey("quarter"));
    settled();
    assertThat(driver.findElement(By.id("active-filters")).isDisplayed()).isFalse();
  }

  @Test
  void dateRangeFiltersAndShowsAChip() {
    open("/");
    settled();
    // Date pickers type differently per locale; setting the value and firing change is what a pick
    // does.
    ((JavascriptExecutor) driver)
        .executeScript(
            "const f = document.getElementById('from'); f.value = '2022-10-01';"
                + " f.dispatchEvent(new Event('change', {bubbles: true}));");
    waitFor().until(d -> urlParams().getOrDefault("from", List.of()).equals(List.of("2022-10-01")));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI).doesNotContain(SEED_NAM_TU_LIEM);
    assertThat(
            driver
                .findElement(By.cssSelector("#active-filters button.chip"))
                .getAttribute("textContent"))
        .isEqualTo("Từ ngày: 01/10/2022×");
  }

  // ------------------------------------------------------------------ timeline

  @Test
  void clickingATimelineBarFiltersThatQuarter() {
    open("/");
    settled();
    // The chart is redrawn whenever its width changes (a scrollbar appearing is enough): find and
    // click in one retried step, so a bar replaced between the two is looked up again.
    click(By.cssSelector("#timeline-chart .bar[data-quarter='2022-Q3'] rect.target"));
    waitFor().until(d -> urlParams().getOrDefault("quarter", List.of()).equals(List.of("2022-Q3")));
    settled();
    assertThat(hitIds()).containsExactly(SEED_NAM_TU_LIEM);
    waitFor()
        .until(
            d ->
                d.findElement(By.cssSelector("#timeline-chart .bar[data-quarter='2022-Q3']"))
                    .getAttribute("class")
                    .contains("selected"));
  }

  @Test
  void timelineBarWorksFromTheKeyboard() {
    open("/");
    settled();
    // Looked up and focused in one script: a redraw cannot slip in between (it keeps the focus).
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.querySelector(\"#timeline-chart .bar[data-quarter='2022-Q4']\").focus()");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("quarter", List.of()).equals(List.of("2022-Q4")));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI).doesNotContain(SEED_NAM_TU_LIEM);
  }

  // ------------------------------------------------------------------ history

  @Test
  void backReturnsToTheSearchBeforeTheFilter() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    List<String> before = hitIds();
    checkbox("district", HOANG_MAI).click();
    waitFor().until(d -> urlParams().containsKey("district"));
    settled();

    driver.navigate().back();
    waitFor().until(d -> !urlParams().containsKey("district"));
    settled();
    assertThat(checkbox("district", HOANG_MAI).isSelected()).isFalse();
    assertThat(hitIds()).isEqualTo(before);
    assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("Hoàng Mai");
  }

  @Test
  void forwardReappliesTheFilter() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    checkbox("district", HOANG_MAI).click();
    waitFor().until(d -> urlParams().containsKey("district"));
    settled();
    driver.navigate().back();
    waitFor().until(d -> !urlParams().containsKey("district"));
    settled();

    driver.navigate().forward();
    waitFor()
        .until(d -> urlParams().getOrDefault("district", List.of()).equals(List.of(HOANG_MAI)));
    settled();
    assertThat(checkbox("district", HOANG_MAI).isSelected()).isTrue();
    assertThat(hitIds()).containsExactly(SEED_HOANG_MAI);
  }

  // ------------------------------------------------------------------ document view

  @Test
  void openingADocumentShowsBodyMetadataAndHighlights() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    hit(SEED_HOANG_MAI).findElement(By.cssSelector(".hit-title a")).click();
    waitFor().until(d -> urlParams().getOrDefault("doc", List.of()).contains(SEED_HOANG_MAI));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Quận Hoàng Mai: Kinh tế phục hồi tốt, tốc độ tăng trưởng 9,54%");
    assertThat(driver.findElement(By.cssSelector("#doc-view .doc-body")).getText())
        .startsWith("(NSHN) - Sáng 30-12");
    assertThat(driver.findElement(By.cssSelector("#doc-view .doc-meta")).getText())
        .contains("30/12/2022");
    assertThat(
            driver.findElements(By.cssSelector("#doc-view .doc-body mark")).stream()
                .map(WebElement::getText))
        .contains("Hoàng Mai");
  }

  @Test
  void documentDistrictLinkSearchesThatDistrict() {
    open("/?doc=" + SEED_HOANG_MAI);
    settled();
    driver.findElement(By.linkText("Quận Hoàng Mai")).click();
    waitFor()
        .until(d -> urlParams().getOrDefault("district", List.of()).equals(List.of(HOANG_MAI)));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
  }

  @Test
  void backFromADocumentReturnsToTheResults() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    hit(SEED_HOANG_MAI).findElement(By.cssSelector(".hit-title a")).click();
    waitFor().until(d -> urlParams().containsKey("doc"));
    settled();
    driver.findElement(By.cssSelector("#doc-view a.back")).click();
    waitFor().until(d -> !urlParams().containsKey("doc"));
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
  }

  @Test
  void unknownDocumentLinkedDirectlyIsTheVietnamese404Page() {
    open("/?doc=khong-co-van-ban-nay");
    assertThat(driver.findElement(By.tagName("h1")).getText())
        .isEqualTo("Không tìm thấy trang này");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
    Object status =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(location.href).then(r => done(r.status));");
    assertThat(status).isEqualTo(404L);
  }

  @Test
  void unknownDocumentReachedInThePageSaysSoInVietnamese() {
    open("/");
    settled();
    // an in-page move to a document that is gone (removed since the results were shown)
    ((JavascriptExecutor) driver)
        .executeScript(
            "history.pushState({}, '', '/?doc=khong-co-van-ban-nay');"
                + " dispatchEvent(new PopStateEvent('popstate'));");
    waitFor().until(d -> "error".equals(phase()));
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Không tìm thấy văn bản");
    assertThat(driver.findElement(By.cssSelector("#doc-view [role=alert]")).getText())
        .contains("Không tìm thấy văn bản này")
        .doesNotContain("no document");
  }

  // ------------------------------------------------------------------ states

  @Test
  void noMatchShowsTheEmptyState() {
    open("/?q=" + enc("xqzxqz"));
    waitFor().until(d -> "empty".equals(phase()));
    assertThat(driver.findElement(By.id("status")).getText()).contains("Không tìm thấy kết quả");
    assertThat(hitIds()).isEmpty();
  }

  @Test
  void slowAnswerShowsTheLoadingIndicator() {
    open("/");
    settled();
    // Two seconds of added latency leave time to see the page waiting.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of(
            "offline", false, "latency", 2000, "downloadThroughput", -1, "uploadThroughput", -1));
    try {
      driver.findElement(By.id("q")).sendKeys("Hoàng Mai", Keys.ENTER);
      waitFor().until(d -> "loading".equals(phase()));
      assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Đang tìm kiếm…");
      assertThat(driver.findElement(By.id("results-pane")).getAttribute("aria-busy"))
          .isEqualTo("true");
    } finally {
      driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
    settled();
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
  }

  @Test
  void failingApiShowsAnErrorMessageInVietnamese() {
    open("/");
    settled();
    // Chromium refuses requests to the search endpoint, as if the server had gone away.
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/search*")));
    try {
      driver.findElement(By.id("q")).sendKeys("Hoàng Mai", Keys.ENTER);
      waitFor().until(d -> "error".equals(phase()));
      WebElement error = driver.findElement(By.id("error"));
      assertThat(error.isDisplayed()).isTrue();
      assertThat(error.getText())
          .contains("Không thể tải kết quả", "Không kết nối được với máy chủ");
      assertThat(error.findElement(By.tagName("button")).getText()).isEqualTo("Thử lại");
    } finally {
      driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    }
  }

  @Test
  void retryAfterAnErrorShowsTheResults() {
    open("/");
    settled();
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/search*")));
    driver.findElement(By.id("q")).sendKeys("Hoàng Mai", Keys.ENTER);
    waitFor().until(d -> "error".equals(phase()));
    // The server is reachable again: "Thử lại" repeats the same search.
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
    driver.findElement(By.cssSelector("#error button")).click();
    waitFor().until(d -> "ready".equals(phase()));
    assertThat(hitIds()).contains(SEED_HOANG_MAI);
    assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();
  }

  @Test
  void serverErrorStatusShowsTheServersMessage() {
    open("/");
    settled();
    // Stands in for a server that answers 500 with the contract's JSON error body.
    ((JavascriptExecutor) driver)
        .executeScript(
            "window.fetch = () => Promise.resolve(new Response("
                + "JSON.stringify({error: 'internal', message: 'Chỉ mục đang bận.'}),"
                + " {status: 500, headers: {'Content-Type': 'application/json'}}));");
    driver.findElement(By.id("q")).sendKeys("Hoàng Mai", Keys.ENTER);
    waitFor().until(d -> "error".equals(phase()));
    assertThat(driver.findElement(By.id("error")).getText())
        .contains("Máy chủ báo lỗi 500", "Chỉ mục đang bận.");
    assertThat(hitIds()).isEmpty();
  }

  // ------------------------------------------------------------------ layout, access, safety

  @Test
  void narrowScreenPutsFacetsInADrawer() {
    driver.manage().window().setSize(new Dimension(375, 800));
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    assertThat(innerWidth()).isLessThanOrEqualTo(375);
    WebElement facets = driver.findElement(By.id("facets"));
    WebElement toggle = driver.findElement(By.id("drawer-toggle"));
    assertThat(facets.isDisplayed()).isFalse();
    assertThat(toggle.isDisplayed()).isTrue();
    assertThat(scrollWidth()).isLessThanOrEqualTo(innerWidth());

    BrowserSupport.saveScreenshot(driver, "narrow-results");
    toggle.click();
    waitFor().until(d -> checkbox("district", HOANG_MAI).isDisplayed());
    assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
    BrowserSupport.saveScreenshot(driver, "narrow-drawer");
    checkbox("district", HOANG_MAI).click();
    waitFor().until(d -> urlParams().containsKey("district"));
    settled();
    driver.findElement(By.id("drawer-close")).click();
    waitFor().until(d -> !facets.isDisplayed());
    assertThat(hitIds()).containsExactly(SEED_HOANG_MAI);
  }

  @Test
  void everyControlHasAnAccessibleName() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    @SuppressWarnings("unchecked")
    List<String> unnamed =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return [...document.querySelectorAll('input, select, button, a[href], [role=button]')]"
                        + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')"
                        + " && !e.getAttribute('aria-labelledby') && !e.textContent.trim())"
                        + ".map(e => e.outerHTML.slice(0, 120));");
    assertThat(unnamed).isEmpty();
  }

  @Test
  void noRequestLeavesTheServersOrigin() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    hit(SEED_HOANG_MAI).findElement(By.cssSelector(".hit-title a")).click();
    waitFor().until(d -> urlParams().containsKey("doc"));
    settled();
    @SuppressWarnings("unchecked")
    List<String> urls =
        (List<String>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return performance.getEntries().map(e => e.name).filter(n => /^[a-z]+:/.test(n));");
    assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(server.base() + "/"));
  }

  @Test
  void snippetMarkupIsInsertedAsText() {
    open("/");
    settled();
    // The page's own module renders a hostile snippet; only <mark> may become an element.
    Object html =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/dom.js').then(m => { const p = document.createElement('p');"
                    + " m.appendSnippet(p, '&lt;img src=x onerror=alert(1)&gt; <mark>Hoàng &amp; Mai</mark> <b>x</b>');"
                    + " done(p.innerHTML); });");
    assertThat(html)
        .isEqualTo(
            "&lt;img src=x onerror=alert(1)&gt; <mark>Hoàng &amp; Mai</mark> &lt;b&gt;x&lt;/b&gt;");
  }

  @Test
  void pagesRunWithoutScriptErrorsOrPolicyViolations() {
    open("/?q=" + enc("Hoàng Mai"));
    settled();
    hit(SEED_HOANG_MAI).findElement(By.cssSelector(".hit-title a")).click();
    waitFor().until(d -> urlParams().containsKey("doc"));
    settled();
    assertThat(problems()).isEmpty();
  }

  @Test
  void serverSendsAPolicyThatForbidsInlineScript() {
    open("/");
    settled();
    Object csp =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch('/').then(r => done(r.headers.get('content-security-policy') || ''));");
    assertThat((String) csp).contains("default-src 'self'").doesNotContain("unsafe-inline");
  }

  @Test
  void unaccentedQueryHighlightsAccentedWordsInTheDocument() {
    open("/?doc=" + SEED_HOANG_MAI + "&q=" + enc("hoang mai"));
    settled();
    assertThat(
            driver.findElements(By.cssSelector("#doc-view .doc-body mark")).stream()
                .map(WebElement::getText))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).isEqualToIgnoringCase("Hoàng Mai"));
  }

  @Test
  void accentedQueryHighlightsOnlyThatSpelling() {
    open("/");
    settled();
    // "Mai" typed with its tone must not light up "mái" or "mãi".
    Object marks =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "import('/js/highlight.js').then(m => { const p = document.createElement('p');"
                    + " p.append(m.highlight('Hoàng Mai, mái nhà, mãi mãi, HOÀNG MAI.', 'Hoàng Mai'));"
                    + " done([...p.querySelectorAll('mark')].map(x => x.textContent)); });");
    assertThat(marks).isEqualTo(List.of("Hoàng Mai", "HOÀNG MAI"));
  }

  @Test
  void keyboardAloneCanSearchAndTickADistrict() {
    open("/");
    settled();
    driver.findElement(By.id("q")).sendKeys("Hoàng Mai", Keys.ENTER);
    waitFor().until(d -> urlParams().containsKey("q"));
    settled();
    // Tab on from the search box until the Hoàng Mai checkbox has focus, then tick it with Space.
    for (int i = 0;
        i < 30 && !HOANG_MAI.equals(driver.switchTo().activeElement().getAttribute("data-value"));
        i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(driver.switchTo().activeElement().getAttribute("data-value")).isEqualTo(HOANG_MAI);
    driver.switchTo().activeElement().sendKeys(Keys.SPACE);
    waitFor()
        .until(d -> urlParams().getOrDefault("district", List.of()).equals(List.of(HOANG_MAI)));
    settled();
    // Focus stays on the same checkbox after the sidebar is redrawn.
    assertThat(driver.switchTo().activeElement().getAttribute("data-value")).isEqualTo(HOANG_MAI);
    assertThat(hitIds()).containsExactly(SEED_HOANG_MAI);
  }

  @Test
  void slashKeyFocusesTheSearchBox() {
    open("/");
    settled();
    driver.findElement(By.tagName("body")).sendKeys("/");
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("q");
  }

  // ------------------------------------------------------------------ helpers

  private static WebElement checkbox(String facet, String value) {
    return driver.findElement(
        By.cssSelector("fieldset[data-facet='" + facet + "'] input[data-value='" + value + "']"));
  }

  /** Facet value → count as the sidebar shows them. */
  private static Map<String, Integer> facetCounts(String facet) {
    @SuppressWarnings("unchecked")
    List<List<String>> rows =
        (List<List<String>>)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return [...document.querySelectorAll('fieldset[data-facet=\"' + arguments[0] + '\"] li.facet-item')]"
                        + ".map(li => [li.querySelector('input').dataset.value, li.querySelector('.count').textContent]);",
                    facet);
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (List<String> row : rows) {
      counts.put(row.get(0), Integer.parseInt(row.get(1).replaceAll("\\D", "")));
    }
    return counts;
  }

  private static long innerWidth() {
    return (Long) ((JavascriptExecutor) driver).executeScript("return window.innerWidth");
  }
}
