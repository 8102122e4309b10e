package org.vnpress.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vnpress.extract.Person;
import org.vnpress.extract.VnKey;
import org.vnpress.index.Fields;

/**
 * {@code GET /api/people}: one official, the posts the releases give them over time, and the
 * releases that name them (a search filtered on the {@code person} facet, so its facets are the
 * search's own).
 *
 * @param name the canonical name
 * @param posts each post with its unit as the releases state it, with the first and last dates it
 *     is stated on, oldest first; undated statements count but give no date
 * @param mentions every release's statement of a post, newest first
 * @param releases the releases that name the person, newest first, with every facet
 */
public record PersonView(
    String name, List<HeldPost> posts, List<Mention> mentions, SearchResponse releases) {

  /** Releases read for the posts: the newest first. */
  static final int MAX_READ = 500;

  /** A post as releases state it. */
  public record HeldPost(
      String post, String unit, String label, String first, String last, int releases) {}

  /** One release's statement of a person's post. */
  public record Mention(String date, String id, String title, String post, String unit) {}

  public static PersonView of(SearchBackend backend, String typed, int page, int size)
      throws IOException {
    if (typed == null || typed.isBlank()) {
      throw new BadRequestException("name is required, e.g. Nguyễn Văn Dũng");
    }
    String name = Person.canonicalName(typed);
    String key = VnKey.of(name);
    Map<String, HeldPost> posts = new LinkedHashMap<>();
    List<Mention> mentions = new ArrayList<>();
    int read = 0;
    for (int p = 1; read < MAX_READ; p++) {
      SearchResponse r = backend.search(request(name, p, SearchRequest.MAX_SIZE, 1));
      for (Hit h : r.hits()) {
        for (Person person : h.people()) {
          if (!VnKey.of(person.name()).equals(key) || person.post() == null) {
            continue;
          }
          mentions.add(new Mention(h.date(), h.id(), h.title(), person.post(), person.unit()));
          String label = person.postLabel();
          HeldPost old = posts.get(label);
          posts.put(
              label,
              old == null
                  ? new HeldPost(person.post(), person.unit(), label, h.date(), h.date(), 1)
                  : new HeldPost(
                      old.post(),
                      old.unit(),
                      label,
                      earlier(old.first(), h.date()),
                      later(old.last(), h.date()),
                      old.releases() + 1));
        }
      }
      read += r.hits().size();
      if (r.hits().size() < SearchRequest.MAX_SIZE || r.nextCursor() == null) {
        break;
      }
    }
    List<HeldPost> held = new ArrayList<>(posts.values());
    held.sort(
        Comparator.comparing(HeldPost::first, Comparator.nullsLast(Comparator.naturalOrder())));
    SearchResponse releases =
        backend.search(request(name, page, size, SearchRequest.MAX_FACET_LIMIT));
    return new PersonView(name, List.copyOf(held), List.copyOf(mentions), releases);
  }

  private static SearchRequest request(String name, int page, int size, int facetLimit) {
    return new SearchRequest(
        "",
        Map.of(Fields.PERSON, List.of(name)),
        null,
        null,
        SearchRequest.Sort.DATE,
        page,
        size,
        facetLimit);
  }

  private static String earlier(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static String later(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
