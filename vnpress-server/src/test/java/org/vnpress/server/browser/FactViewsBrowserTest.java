package org.vnpress.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The citation view (a document-number chip opens the document, its citations by quarter and the
 * districts that cited it) and the person view (posts over time), issue 20, in headless Chromium
 * against the seeds and the 35 bundled resolutions, at a desktop and a phone width.
 */
class FactViewsBrowserTest extends PageTest {
  private static final String SEED_HAI_BA_TRUNG = "000_4ec04c6276b356c4";
  private static final String SEED_HOAN_KIEM = "004_4cc13ceeb386153d";

  @BeforeAll
  static void startBrowserAndServer() throws IOException {
    start(TestServer::startBundled);
  }

  @BeforeEach
  void browserThere() {
    BrowserSupport.assumeBrowserAvailable();
    width(1366, false);
  }

  private static void width(int w, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", w, "height", mobile ? 844 : 900, "deviceScaleFactor", 1, "mobile", mobile));
  }

  // ------------------------------------------------------------------ citations

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aDocumentChipOpensTheCitationViewWithItsTimelineAndDistricts(int w) {
    width(w, w < 600);
    open("/?q=" + enc("Hai Bà Trưng mục tiêu kép"));
    settled();
    WebElement chip = hit(SEED_HAI_BA_TRUNG).findElement(By.cssSelector("a.chip-document"));
    assertThat(chip.getText()).isEqualTo("15-NQ/TW");
    click(chip);
    waitFor().until(d -> urlParams().getOrDefault("cite", List.of()).contains("15-NQ/TW"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Nghị quyết 15-NQ/TW");
    // what the number says, and that the Politburo's resolution is not in the bundled data
    assertThat(record())
        .containsEntry("Số hiệu", "15-NQ/TW")
        .containsEntry("Loại văn bản", "Nghị quyết")
        .containsEntry("Cơ quan ban hành", "Trung ương")
        .containsEntry("Toàn văn", "Văn bản này chưa có trong chỉ mục.")
        .doesNotContainKey("Ngày");
    assertThat(text("cite-summary")).isEqualTo("1 thông cáo dẫn văn bản này, mới nhất trước.");
    // the timeline: one bar, the quarter of the seed
    List<WebElement> bars =
        driver.findElements(By.cssSelector("#cite-timeline svg .bar:not(.empty)"));
    assertThat(bars).hasSize(1);
    assertThat(bars.get(0).getAttribute("data-quarter")).isEqualTo("2022-Q4");
    assertThat(
            driver.findElements(By.cssSelector("#cite-districts li")).stream()
                .map(e -> e.getAttribute("data-value")))
        .containsExactly("Hà Nội/Hai Bà Trưng");
    assertThat(
            driver.findElements(By.cssSelector(".cite-releases li")).stream()
                .map(e -> e.getAttribute("data-id")))
        .containsExactly(SEED_HAI_BA_TRUNG);
    assertThat(scrollWidth()).isLessThanOrEqualTo(w);
    assertThat(problems()).isEmpty();
  }

  @Test
  void aBundledResolutionsViewShowsTheResolutionItself() {
    open("/?cite=" + enc("1656/NQ-UBTVQH15"));
    settled();
    // the resolution's own record: its type, issuer, date and title
    assertThat(record())
        .containsEntry("Số hiệu", "1656/NQ-UBTVQH15")
        .containsEntry("Loại văn bản", "Nghị quyết")
        .containsEntry("Cơ quan ban hành", "Ủy ban Thường vụ Quốc hội")
        .containsEntry("Ngày", "16/06/2025");
    WebElement own = driver.findElement(By.id("cite-document-link"));
    assertThat(own.getAttribute("data-id")).isEqualTo("resolution-1656_NQ-UBTVQH15");
    assertThat(own.getText()).startsWith("Nghị quyết số 1656/NQ-UBTVQH15");
    // no release of the bundled data cites it: no empty timeline, no empty district list
    assertThat(text("cite-summary"))
        .isEqualTo("Chưa có thông cáo nào trong chỉ mục dẫn văn bản này.");
    assertThat(driver.findElements(By.id("cite-timeline"))).isEmpty();
    assertThat(driver.findElements(By.id("cite-districts"))).isEmpty();
    // and it opens the resolution
    click(own);
    waitFor()
        .until(
            d ->
                urlParams().getOrDefault("doc", List.of()).contains("resolution-1656_NQ-UBTVQH15"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .startsWith("Nghị quyết số 1656/NQ-UBTVQH15");
    // and the document's number leads back to its citation view
    click(By.linkText("1656/NQ-UBTVQH15"));
    waitFor().until(d -> urlParams().getOrDefault("cite", List.of()).contains("1656/NQ-UBTVQH15"));
    settled();
    assertThat(driver.findElement(By.id("cite-document-link")).getAttribute("data-id"))
        .isEqualTo("resolution-1656_NQ-UBTVQH15");
    assertThat(problems()).isEmpty();
  }

  @Test
  void theKeyboardReachesADocumentChipAndTheViewTakesFocus() {
    open("/?q=" + enc("Hai Bà Trưng mục tiêu kép"));
    settled();
    // from the result's title, Tab by Tab
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].focus()",
            hit(SEED_HAI_BA_TRUNG).findElement(By.cssSelector(".hit-title a")));
    for (int i = 0; i < 10 && !isActive("a.chip-document"); i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    WebElement chip = driver.switchTo().activeElement();
    assertThat(chip.getAttribute("class")).contains("chip-document");
    assertThat(chip.getText()).isEqualTo("15-NQ/TW");
    chip.sendKeys(Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("cite", List.of()).contains("15-NQ/TW"));
    settled();
    // the heading has focus, so a screen reader starts at the view; Tab goes on into the view
    assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("h1");
    driver.switchTo().activeElement().sendKeys(Keys.TAB);
    WebElement next = driver.switchTo().activeElement();
    assertThat(
            (Boolean)
                ((JavascriptExecutor) driver)
                    .executeScript(
                        "return document.getElementById('doc-view').contains(arguments[0])", next))
        .isTrue();
    // the timeline's bar is reachable and opens the quarter with Enter
    for (int i = 0; i < 10 && !isActive("#cite-timeline .bar"); i++) {
      driver.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertThat(driver.switchTo().activeElement().getAttribute("data-quarter")).isEqualTo("2022-Q4");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitFor().until(d -> urlParams().getOrDefault("quarter", List.of()).contains("2022-Q4"));
    settled();
    assertThat(hitIds()).containsExactly(SEED_HAI_BA_TRUNG);
  }

  @Test
  void aTimelineBarOpensTheCitingReleasesOfThatQuarterInTheSearch() {
    open("/?cite=" + enc("15-NQ/TƯ"));
    settled();
    click(By.cssSelector("#cite-timeline svg .bar[data-quarter='2022-Q4']"));
    waitFor().until(d -> urlParams().getOrDefault("quarter", List.of()).contains("2022-Q4"));
    settled();
    assertThat(urlParams().get("document")).containsExactly("15-NQ/TW");
    assertThat(hitIds()).containsExactly(SEED_HAI_BA_TRUNG);
  }

  @Test
  void notADocumentNumberSaysSoInVietnamese() {
    open("/?cite=" + enc("Hai Bà Trưng"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view [role='alert']")).getText())
        .contains("không phải là một số văn bản");
  }

  // ------------------------------------------------------------------ people

  @ParameterizedTest
  @ValueSource(ints = {1366, 390})
  void aPersonChipOpensThePersonViewWithTheirPosts(int w) {
    width(w, w < 600);
    open("/?q=" + enc("Hoàn Kiếm"));
    settled();
    WebElement chip =
        hit(SEED_HOAN_KIEM).findElements(By.cssSelector("a.chip-person")).stream()
            .filter(e -> e.getText().equals("Nguyễn Văn Dũng"))
            .findFirst()
            .orElseThrow();
    assertThat(chip.getAttribute("title")).isEqualTo("Chánh Văn phòng Quận ủy Hoàn Kiếm");
    click(chip);
    waitFor().until(d -> urlParams().getOrDefault("who", List.of()).contains("Nguyễn Văn Dũng"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Nguyễn Văn Dũng");
    assertThat(
            driver.findElements(By.cssSelector("#person-posts tbody tr")).stream()
                .map(e -> e.getAttribute("data-post")))
        .containsExactly("Chánh Văn phòng Quận ủy Hoàn Kiếm");
    assertThat(
            driver.findElements(By.cssSelector(".person-releases li")).stream()
                .map(e -> e.getAttribute("data-id")))
        .containsExactly(SEED_HOAN_KIEM);
    assertThat(scrollWidth()).isLessThanOrEqualTo(w);
    assertThat(problems()).isEmpty();
  }

  @Test
  void thePostLinksToTheSearchFilteredByIt() {
    open("/?who=" + enc("Bùi Hoàng Phan"));
    settled();
    click(By.cssSelector("#person-posts tbody tr a"));
    waitFor().until(d -> urlParams().containsKey("post"));
    settled();
    assertThat(urlParams().get("post")).containsExactly("Phó Bí thư Thường trực Quận ủy Hoàn Kiếm");
    assertThat(hitIds()).containsExactly(SEED_HOAN_KIEM);
  }

  @Test
  void theDocumentViewNamesItsPeopleAndItsMeeting() {
    open("/?doc=" + SEED_HAI_BA_TRUNG);
    settled();
    String meta = driver.findElement(By.cssSelector("#doc-view .doc-meta")).getText();
    assertThat(meta)
        .contains(
            "Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI nhiệm kỳ"
                + " 2020-2025");
    // the meeting links to the releases of the same meeting
    click(
        By.linkText(
            "Hội nghị lần thứ 16 Ban Chấp hành Đảng bộ quận Hai Bà Trưng khóa XXVI nhiệm kỳ"
                + " 2020-2025"));
    waitFor().until(d -> urlParams().containsKey("session"));
    settled();
    assertThat(urlParams().get("session")).containsExactly("16");
    assertThat(urlParams().get("term")).containsExactly("XXVI");
    assertThat(hitIds()).containsExactly(SEED_HAI_BA_TRUNG);
    // the facet sidebar lists the new dimensions the API answers with
    assertThat(driver.findElements(By.cssSelector("fieldset[data-facet='meetingBody']")))
        .hasSize(1);
  }

  @Test
  void theNewFacetsAreListedInVietnameseAndAPersonFilterLeadsToTheirView() {
    open("/?q=" + enc("Hoàn Kiếm"));
    settled();
    Map<String, String> legends = new LinkedHashMap<>();
    for (String facet : List.of("person", "post", "meetingBody", "session", "term")) {
      legends.put(facet, text("facet-" + facet + "-title"));
    }
    assertThat(legends)
        .containsExactly(
            Map.entry("person", "Người"),
            Map.entry("post", "Chức vụ"),
            Map.entry("meetingBody", "Hội nghị, kỳ họp"),
            Map.entry("session", "Lần thứ"),
            Map.entry("term", "Khóa"));
    assertThat(facetLabels("post")).contains("Chánh Văn phòng Quận ủy Hoàn Kiếm");
    assertThat(facetLabels("term")).contains("Khóa XXVI");
    click(By.cssSelector("fieldset[data-facet='person'] input[data-value='Nguyễn Văn Dũng']"));
    waitFor().until(d -> urlParams().getOrDefault("person", List.of()).contains("Nguyễn Văn Dũng"));
    settled();
    assertThat(hitIds()).containsExactly(SEED_HOAN_KIEM);
    assertThat(
            driver
                .findElement(By.cssSelector(".active-filters [data-facet='person']"))
                .getAttribute("aria-label"))
        .isEqualTo("Bỏ lọc Người: Nguyễn Văn Dũng");
    click(By.cssSelector("#filter-views a[data-view='person']"));
    waitFor().until(d -> urlParams().getOrDefault("who", List.of()).contains("Nguyễn Văn Dũng"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Nguyễn Văn Dũng");
    assertThat(problems()).isEmpty();
  }

  @Test
  void anUnknownPersonSaysSoInsteadOfShowingEmptyLists() {
    open("/?who=" + enc("Trần Không Có"));
    settled();
    assertThat(driver.findElement(By.cssSelector("#doc-view h1")).getText())
        .isEqualTo("Trần Không Có");
    assertThat(text("person-summary"))
        .isEqualTo("Chưa có thông cáo nào trong chỉ mục nêu tên người này.");
    assertThat(driver.findElements(By.cssSelector(".person-releases li"))).isEmpty();
  }

  /** docs/screenshot-citation.png is a copy of this file. */
  @Test
  void desktopScreenshotOfTheCitationView() {
    open("/?cite=" + enc("15-NQ/TƯ"));
    settled();
    assertThat(driver.findElements(By.cssSelector("#cite-timeline svg .bar:not(.empty)")))
        .hasSize(1);
    assertThat(BrowserSupport.saveScreenshot(driver, "citation-view")).isRegularFile();
    assertThat(problems()).isEmpty();
  }

  @Test
  void backFromTheCitationViewReturnsToTheSearch() {
    open("/?q=" + enc("Hai Bà Trưng mục tiêu kép"));
    settled();
    click(hit(SEED_HAI_BA_TRUNG).findElement(By.cssSelector("a.chip-document")));
    waitFor().until(d -> urlParams().containsKey("cite"));
    settled();
    click(By.cssSelector("#doc-view a.back"));
    waitFor()
        .until(d -> urlParams().getOrDefault("q", List.of()).contains("Hai Bà Trưng mục tiêu kép"));
    settled();
    assertThat(hitIds()).contains(SEED_HAI_BA_TRUNG);
  }

  // ------------------------------------------------------------------ helpers

  private static void click(WebElement e) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
    e.click();
  }

  static void click(By by) {
    waitFor()
        .until(
            d -> {
              WebElement e = d.findElement(by);
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block:'center'})", e);
              e.click();
              return true;
            });
  }

  private static boolean isActive(String css) {
    return (Boolean)
        ((JavascriptExecutor) driver)
            .executeScript("return document.activeElement.matches(arguments[0])", css);
  }

  /** The citation view's record: each row's term and value. */
  private static Map<String, String> record() {
    Map<String, String> rows = new LinkedHashMap<>();
    for (WebElement dt : driver.findElements(By.cssSelector("#cite-document dt"))) {
      rows.put(
          dt.getText(), dt.findElement(By.xpath("following-sibling::dd[1]")).getText().strip());
    }
    return rows;
  }
}
