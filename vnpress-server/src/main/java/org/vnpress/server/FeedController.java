package org.vnpress.server;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.vnpress.extract.District;
import org.vnpress.search.Hit;
import org.vnpress.search.SearchBackend;
import org.vnpress.search.SearchRequest;
import org.vnpress.search.SearchResponse;

/**
 * {@code GET /feed}: an Atom feed of any search (the parameters of {@code /api/search}), newest
 * first, so that a feed reader can follow a district, a document or a query.
 */
final class FeedController {

  static final int DEFAULT_ENTRIES = 20;

  /** Publication days are Vietnamese days. */
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final SearchBackend backend;

  FeedController(SearchBackend backend) {
    this.backend = backend;
  }

  void feed(Context ctx) throws IOException {
    int size = SearchController.integer(ctx, "size", DEFAULT_ENTRIES);
    SearchResponse r =
        backend.search(SearchController.request(ctx, SearchRequest.Sort.DATE, 1, size, 1));
    String base = Links.base(ctx);
    String query = ctx.queryString() == null ? "" : ctx.queryString();

    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType("atom_1.0");
    feed.setTitle("vnpress — " + describe(ctx));
    feed.setDescription("Thông cáo mới nhất của tìm kiếm này trên vnpress");
    feed.setLanguage("vi");
    SyndPerson author = new SyndPersonImpl();
    author.setName("vnpress");
    feed.setAuthors(List.of(author));
    // the search's own page is the feed's identity: the same search is the same feed
    String search = withoutFeedOnly(query);
    String page = base + "/?" + (search.isEmpty() ? "" : search + "&") + "sort=date";
    feed.setUri(page);
    feed.setLinks(
        List.of(
            link("alternate", page, "text/html"),
            link(
                "self",
                base + "/feed" + (query.isEmpty() ? "" : "?" + query),
                "application/atom+xml")));

    List<SyndEntry> entries = new ArrayList<>();
    Date newest = null;
    for (Hit h : r.hits()) {
      Date day = day(h.date());
      // an entry needs a date; undated releases come last in date order and are left out
      if (day == null) {
        continue;
      }
      if (newest == null || day.after(newest)) {
        newest = day;
      }
      entries.add(entry(h, day, base));
    }
    feed.setEntries(entries);
    feed.setPublishedDate(newest != null ? newest : new Date());
    try {
      String xml = new SyndFeedOutput().outputString(feed);
      ctx.contentType("application/atom+xml; charset=utf-8").result(xml);
    } catch (FeedException e) {
      throw new IOException("the feed could not be written", e);
    }
  }

  private static SyndEntry entry(Hit h, Date day, String base) {
    SyndEntry e = new SyndEntryImpl();
    e.setTitle(h.title() == null || h.title().isBlank() ? "(không có tiêu đề)" : h.title());
    e.setLink(base + "/?doc=" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8));
    e.setUri("urn:vnpress:" + URLEncoder.encode(h.id(), StandardCharsets.UTF_8));
    e.setPublishedDate(day);
    e.setUpdatedDate(day);
    SyndContent summary = new SyndContentImpl();
    summary.setType("html");
    summary.setValue(h.snippet());
    e.setDescription(summary);
    List<SyndCategory> categories = new ArrayList<>();
    for (District d : h.districts()) {
      SyndCategory c = new SyndCategoryImpl();
      c.setName(d.value());
      categories.add(c);
    }
    e.setCategories(categories);
    return e;
  }

  private static SyndLink link(String rel, String href, String type) {
    SyndLink l = new SyndLinkImpl();
    l.setRel(rel);
    l.setHref(href);
    l.setType(type);
    return l;
  }

  /** The first possible day of "2022-10-19", "2022-10" or "2022", at its start in Vietnam. */
  static Date day(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    String[] p = iso.split("-");
    LocalDate d =
        LocalDate.of(
            Integer.parseInt(p[0]),
            p.length > 1 ? Integer.parseInt(p[1]) : 1,
            p.length > 2 ? Integer.parseInt(p[2]) : 1);
    return Date.from(d.atStartOfDay(VIETNAM).toInstant());
  }

  /** "Hoàng Mai · Quận Hoàng Mai (Hà Nội/Hoàng Mai)": what the feed follows, in words. */
  private static String describe(Context ctx) {
    List<String> parts = new ArrayList<>();
    String q = ctx.queryParam("q");
    if (q != null && !q.isBlank()) {
      parts.add("“" + q.strip() + "”");
    }
    ctx.queryParamMap()
        .forEach(
            (k, vs) -> {
              if (org.vnpress.index.Fields.FACETS.contains(k)) {
                parts.add(vs.stream().collect(Collectors.joining(", ")));
              }
            });
    return parts.isEmpty() ? "thông cáo mới nhất" : String.join(" · ", parts);
  }

  private static String withoutFeedOnly(String query) {
    return query.replaceAll("(^|&)(size|sort)=[^&]*", "").replaceFirst("^&", "");
  }
}
