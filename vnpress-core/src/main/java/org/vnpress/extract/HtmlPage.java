package org.vnpress.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * A saved HTML page read with a real parser (jsoup): the headline, publication date, author and
 * link from the page's structure, and the text of its main content found the way readability-style
 * extractors find it.
 *
 * <ul>
 *   <li>Headline: the {@code <h1>} when {@code og:title} or {@code <title>} confirms it, else
 *       {@code og:title}, else the {@code <h1>}, else {@code <title>} without the site name.
 *   <li>Date: JSON-LD {@code datePublished}, then {@code article:published_time} and the other
 *       publication meta tags, then a {@code <time datetime>} in the article; never a modification
 *       date, a date in a link or in a related-links box. With none, the text's date line decides.
 *   <li>Main content: paragraphs score their parent and grandparent (length, commas), the score is
 *       cut by link density and by class and id names of page furniture ({@code comment}, {@code
 *       related}, {@code share}…); the best element and its good siblings are the article. The
 *       short blocks between the headline and that element (date line, lead) are kept before it.
 *   <li>Text is kept as published: entities decoded (numeric and named), block elements and {@code
 *       <br>} as line breaks, runs of spaces as one.
 * </ul>
 */
public final class HtmlPage {

  /**
   * What the page's structure says.
   *
   * @param title the headline, or null when the page has none that can be trusted
   * @param text the article text: lines before the main content, then the content
   * @param date publication date from meta tags, JSON-LD or {@code <time>}, or {@link PubDate#NONE}
   * @param author byline from meta tags or JSON-LD, or null
   * @param url canonical link, or null
   * @param siteName the site's name ({@code og:site_name}), or null
   */
  public record Parsed(
      String title, String text, PubDate date, String author, String url, String siteName) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Elements that never hold article text. */
  private static final String DROPPED =
      "script, style, noscript, template, iframe, form, button, select, input, textarea, svg,"
          + " nav, aside, footer, object, embed, canvas, map, dialog";

  /** Class and id names of page furniture. */
  private static final Pattern UNLIKELY =
      Pattern.compile(
          "comment|binhluan|binh-luan|share|social|sharing|related|relate|lienquan|lien-quan|other"
              + "|cungchuyenmuc|cung-chuyen-muc|sidebar|side-bar|menu|breadcrumb|footer|banner"
              + "|advert|ads-|-ads|quangcao|widget|poll|weather|thoitiet|tags?-|-tags?\\b|tagline"
              + "|toolbar|fontsize|font-size|textsize|print|zalo|facebook|login|search|navbar"
              + "|pagination|paging|popup|modal|cookie|rating|vote|most-?view|xemnhieu|hotnews"
              + "|newsletter|subscribe|author-box|copyright",
          Pattern.CASE_INSENSITIVE);

  /** Class and id names of article containers. */
  private static final Pattern LIKELY =
      Pattern.compile(
          "article|content|detail|chitiet|chi-tiet|main|body|entry|post|story|news-?text|journal"
              + "|noidung|noi-dung|fulltext|text",
          Pattern.CASE_INSENSITIVE);

  /** Block elements: each starts a new line. */
  private static final java.util.Set<String> BLOCKS =
      java.util.Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "tr",
          "table",
          "tbody",
          "thead",
          "blockquote",
          "pre",
          "figure",
          "figcaption",
          "center",
          "address",
          "hr",
          "td",
          "th");

  private static final java.util.Set<String> CONTAINERS =
      java.util.Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "ul",
          "ol",
          "table",
          "tbody",
          "tr",
          "td",
          "blockquote",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "pre",
          "figure",
          "header");

  /** Publication-date meta tags, most trusted first. */
  private static final String[] DATE_META = {
    "meta[property=article:published_time]",
    "meta[itemprop=datePublished]",
    "meta[name=article:published_time]",
    "meta[name=pubdate]",
    "meta[name=publishdate]",
    "meta[name=publish-date]",
    "meta[name=dc.date.issued]",
    "meta[name=DC.date.issued]",
    "meta[property=og:published_time]"
  };

  private static final Pattern ISO_START =
      Pattern.compile("^\\s*((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})(?:[T\\s].*)?$");

  private HtmlPage() {}

  /** Reads a page. Never throws on malformed HTML: the parser repairs it as a browser would. */
  public static Parsed parse(String html) {
    Document doc = Jsoup.parse(html);
    String siteName = meta(doc, "meta[property=og:site_name]");
    String ogTitle = meta(doc, "meta[property=og:title]", "meta[name=twitter:title]");
    String docTitle = blankToNull(doc.title());
    JsonNode ld = jsonLd(doc);
    PubDate date = structuredDate(doc, ld);
    String author = firstNonNull(ldAuthor(ld), meta(doc, "meta[name=author]"));
    String url =
        firstNonNull(
            meta(doc, "meta[property=og:url]"), attr(doc, "link[rel=canonical]", "abs:href"));
    Element h1 = headline(doc, ogTitle, docTitle);
    String title = title(h1, ogTitle, docTitle, siteName);

    Element body = doc.body();
    if (body == null) {
      return new Parsed(title, "", date, author, url, siteName);
    }
    body.select(DROPPED).remove();
    removeUnlikely(body);
    List<Element> content = mainContent(body);
    StringBuilder text = new StringBuilder();
    if (h1 != null && h1.ownerDocument() == doc && isBefore(h1, content)) {
      // the date line, author and lead that portals put between the headline and the body
      text.append(between(body, h1, content.get(0)));
    }
    for (Element e : content) {
      appendText(e, text);
      text.append("\n\n");
    }
    return new Parsed(title, tidy(text.toString()), date, author, url, siteName);
  }

  /** The whole visible text of a page, block elements as lines: for pages with no article. */
  public static String text(String html) {
    Document doc = Jsoup.parse(html);
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    body.select(DROPPED).remove();
    StringBuilder sb = new StringBuilder();
    appendText(body, sb);
    return tidy(sb.toString());
  }

  // ---- headline

  /** The {@code <h1>} that is the headline: the one {@code og:title} or {@code <title>} names. */
  private static Element headline(Document doc, String ogTitle, String docTitle) {
    Elements h1s = doc.select("h1");
    Element longest = null;
    for (Element h : h1s) {
      String t = h.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      if ((ogTitle != null && contains(ogTitle, t))
          || (docTitle != null && contains(docTitle, t))) {
        return h;
      }
      if (longest == null || t.length() > longest.text().length()) {
        longest = h;
      }
    }
    // a site's logo is often the only h1: a headline has words enough to say something
    return longest != null && words(longest.text()) >= 4 ? longest : null;
  }

  private static String title(Element h1, String ogTitle, String docTitle, String siteName) {
    if (h1 != null) {
      return squeeze(h1.text());
    }
    if (ogTitle != null && words(ogTitle) >= 3 && !sameText(ogTitle, siteName)) {
      return withoutSiteName(squeeze(ogTitle), siteName);
    }
    if (docTitle != null && words(docTitle) >= 3) {
      return withoutSiteName(squeeze(docTitle), siteName);
    }
    return null;
  }

  /** {@code Headline - Site name} → {@code Headline}: drops the part naming the site. */
  private static String withoutSiteName(String t, String siteName) {
    for (String sep : new String[] {" | ", " - ", " – ", " :: "}) {
      int at = t.lastIndexOf(sep);
      if (at > 0) {
        String tail = t.substring(at + sep.length()).strip();
        boolean site =
            (siteName != null && sameText(tail, siteName))
                || (words(tail) <= 6 && words(t.substring(0, at)) >= 4 && looksLikeSite(tail));
        if (site) {
          return t.substring(0, at).strip();
        }
      }
    }
    return t;
  }

  private static final Pattern SITE =
      Pattern.compile(
          "(?i)(báo|cổng|trang|thông tin|điện tử|online|\\.vn|\\.com|portal|news|tin tức|tạp chí)");

  private static boolean looksLikeSite(String s) {
    return SITE.matcher(s).find() || s.equals(s.toUpperCase(Locale.ROOT));
  }

  // ---- date

  private static PubDate structuredDate(Document doc, JsonNode ld) {
    Optional<PubDate> d = isoDate(ldText(ld, "datePublished"));
    if (d.isPresent()) {
      return d.get();
    }
    for (String q : DATE_META) {
      d = isoDate(meta(doc, q));
      if (d.isPresent()) {
        return d.get();
      }
    }
    for (Element t : doc.select("time[datetime]")) {
      if (t.closest("a, aside, nav, footer, li") != null || unlikely(t)) {
        continue;
      }
      d = isoDate(t.attr("datetime"));
      if (d.isPresent()) {
        return d.get();
      }
    }
    return PubDate.NONE;
  }

  /**
   * The day of an ISO date or date-time as written ({@code 2024-03-12T10:15:00+07:00} is the 12th
   * where it was published): no conversion to another zone moves it.
   */
  static Optional<PubDate> isoDate(String s) {
    if (s == null) {
      return Optional.empty();
    }
    var m = ISO_START.matcher(s);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          PubDate.of(
              java.time.LocalDate.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The JSON-LD object describing the article (NewsArticle, Article, …), or null. */
  private static JsonNode jsonLd(Document doc) {
    for (Element s : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = JSON.readTree(s.data());
      } catch (java.io.IOException e) {
        continue; // a broken block on a page is the page's problem, not a reason to fail
      }
      JsonNode a = article(root);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static JsonNode article(JsonNode n) {
    if (n == null) {
      return null;
    }
    if (n.isArray()) {
      for (JsonNode c : n) {
        JsonNode a = article(c);
        if (a != null) {
          return a;
        }
      }
      return null;
    }
    if (!n.isObject()) {
      return null;
    }
    if (n.has("datePublished") || n.has("headline")) {
      return n;
    }
    return article(n.get("@graph"));
  }

  private static String ldText(JsonNode ld, String field) {
    if (ld == null) {
      return null;
    }
    JsonNode v = ld.get(field);
    return v != null && v.isTextual() ? blankToNull(v.asText()) : null;
  }

  private static String ldAuthor(JsonNode ld) {
    if (ld == null) {
      return null;
    }
    JsonNode a = ld.get("author");
    if (a != null && a.isArray() && !a.isEmpty()) {
      a = a.get(0);
    }
    if (a == null) {
      return null;
    }
    if (a.isTextual()) {
      return blankToNull(a.asText());
    }
    JsonNode name = a.get("name");
    return name != null && name.isTextual() ? blankToNull(name.asText()) : null;
  }

  // ---- main content

  /** Drops furniture found by class or id, unless it also looks like the article container. */
  private static void removeUnlikely(Element body) {
    List<Element> gone = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.tagName().equals("article") || e.tagName().equals("main")) {
        continue;
      }
      if (unlikely(e) && !LIKELY.matcher(classAndId(e)).find()) {
        gone.add(e);
      }
    }
    for (Element e : gone) {
      e.remove();
    }
  }

  private static boolean unlikely(Element e) {
    String s = classAndId(e);
    return !s.isEmpty() && UNLIKELY.matcher(s).find();
  }

  private static String classAndId(Element e) {
    return e.className() + " " + e.id();
  }

  /** The article's elements: the best-scored candidate and the siblings that belong with it. */
  private static List<Element> mainContent(Element body) {
    Map<Element, double[]> scores = new IdentityHashMap<>();
    for (Element e : body.getAllElements()) {
      if (!isParagraph(e)) {
        continue;
      }
      String t = e.text();
      if (t.length() < 25) {
        continue;
      }
      double s = 1 + commas(t) + Math.min(t.length() / 100, 3);
      Element parent = e.parent();
      for (int level = 0; parent != null && level < 3; level++, parent = parent.parent()) {
        double[] c = scores.computeIfAbsent(parent, HtmlPage::initialScore);
        c[0] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
      }
    }
    Element top = null;
    double best = 0;
    Map<Element, Double> finals = new HashMap<>();
    for (Map.Entry<Element, double[]> en : scores.entrySet()) {
      double f = en.getValue()[0] * (1 - linkDensity(en.getKey()));
      finals.put(en.getKey(), f);
      if (f > best) {
        best = f;
        top = en.getKey();
      }
    }
    if (top == null) {
      return List.of(body);
    }
    // readability also climbs while the parent holds most of the score: a content split over
    // several sibling divs
    Element parent = top.parent();
    List<Element> out = new ArrayList<>();
    if (parent == null) {
      return List.of(top);
    }
    double threshold = Math.max(10, best * 0.2);
    for (Element sib : parent.children()) {
      if (sib == top) {
        out.add(sib);
        continue;
      }
      Double s = finals.get(sib);
      String t = sib.text();
      boolean scored = s != null && s >= threshold;
      boolean paragraph = sib.tagName().equals("p") && t.length() > 80 && linkDensity(sib) < 0.25;
      if ((scored || paragraph) && isAfterOrNear(sib, top)) {
        out.add(sib);
      }
    }
    return out;
  }

  /** Siblings before the top candidate count only when they continue up to it. */
  private static boolean isAfterOrNear(Element sib, Element top) {
    return sib.elementSiblingIndex() > top.elementSiblingIndex()
        || top.elementSiblingIndex() - sib.elementSiblingIndex() <= 2;
  }

  private static double[] initialScore(Element e) {
    double s =
        switch (e.tagName()) {
          case "div", "article", "main", "section" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    String ci = classAndId(e);
    if (LIKELY.matcher(ci).find()) {
      s += 25;
    }
    if (UNLIKELY.matcher(ci).find()) {
      s -= 25;
    }
    return new double[] {s};
  }

  /** A paragraph: a p or pre, or a block with text and no block children (old portals' divs). */
  private static boolean isParagraph(Element e) {
    String tag = e.tagName();
    if (tag.equals("p") || tag.equals("pre")) {
      return true;
    }
    if (!(tag.equals("div") || tag.equals("td") || tag.equals("section") || tag.equals("span"))) {
      return false;
    }
    for (Element c : e.children()) {
      if (CONTAINERS.contains(c.tagName())) {
        return false;
      }
    }
    return true;
  }

  private static int commas(String t) {
    int n = 0;
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) == ',') {
        n++;
      }
    }
    return n;
  }

  private static double linkDensity(Element e) {
    int all = e.text().length();
    if (all == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1.0, (double) links / all);
  }

  private static boolean isBefore(Element h1, List<Element> content) {
    Element first = content.get(0);
    if (first == h1) {
      return false;
    }
    for (Element p = h1.parent(); p != null; p = p.parent()) {
      if (p == first) {
        return false; // the headline is inside the content: it is the content's first line
      }
    }
    for (Element x : h1.ownerDocument().getAllElements()) {
      if (x == h1) {
        return true;
      }
      if (x == first) {
        return false;
      }
    }
    return false;
  }

  /**
   * The short blocks between the headline and the content (date line, byline, lead), as text: up to
   * eight blocks and 2,000 characters, link-dense blocks left out.
   */
  private static String between(Element body, Element h1, Element first) {
    StringBuilder sb = new StringBuilder();
    boolean on = false;
    int blocks = 0;
    for (Element e : body.getAllElements()) {
      if (e == h1) {
        on = true;
        continue;
      }
      if (!on) {
        continue;
      }
      if (e == first || blocks >= 8 || sb.length() > 2000) {
        break;
      }
      if (isInside(e, h1)) {
        continue;
      }
      if (!isLeafBlock(e)) {
        continue;
      }
      String t = squeeze(e.text());
      if (t.isEmpty() || linkDensity(e) > 0.5) {
        continue;
      }
      sb.append(t).append("\n\n");
      blocks++;
    }
    return sb.toString();
  }

  private static boolean isInside(Element e, Element ancestor) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLeafBlock(Element e) {
    if (!BLOCKS.contains(e.tagName())
        && !e.tagName().equals("span")
        && !e.tagName().equals("time")) {
      return false;
    }
    for (Element c : e.children()) {
      if (BLOCKS.contains(c.tagName())) {
        return false;
      }
    }
    return true;
  }

  // ---- text

  /**
   * Appends an element's text: blocks on their own lines (blank line between), {@code <br>} a
   * break.
   */
  private static void appendText(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText().replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
      } else if (child instanceof Element e) {
        String tag = e.tagName();
        if (tag.equals("br")) {
          sb.append('\n');
        } else if (BLOCKS.contains(tag)) {
          sb.append("\n\n");
          appendText(e, sb);
          sb.append("\n\n");
        } else if (tag.equals("img")) {
          // image alt text repeats the caption or the headline: not article text
        } else {
          appendText(e, sb);
        }
      }
    }
  }

  /** Spaces squeezed, lines stripped, runs of blank lines as one blank line. */
  private static String tidy(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int blank = 0;
    for (String line : s.split("\n", -1)) {
      String t = squeeze(line);
      if (t.isEmpty()) {
        blank++;
        continue;
      }
      if (out.length() > 0) {
        out.append(blank > 0 ? "\n\n" : "\n");
      }
      out.append(t);
      blank = 0;
    }
    return out.toString();
  }

  private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u200B]+");

  private static String squeeze(String s) {
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  // ---- small helpers

  private static String meta(Document doc, String... queries) {
    for (String q : queries) {
      Element m = doc.selectFirst(q);
      if (m != null) {
        String v = blankToNull(m.attr("content"));
        if (v != null) {
          return squeeze(v);
        }
      }
    }
    return null;
  }

  private static String attr(Document doc, String query, String attr) {
    Element e = doc.selectFirst(query);
    return e == null ? null : blankToNull(e.attr(attr));
  }

  private static boolean contains(String outer, String inner) {
    return squeeze(outer)
        .toLowerCase(Locale.ROOT)
        .contains(squeeze(inner).toLowerCase(Locale.ROOT));
  }

  private static boolean sameText(String a, String b) {
    return a != null && b != null && squeeze(a).equalsIgnoreCase(squeeze(b));
  }

  private static int words(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
