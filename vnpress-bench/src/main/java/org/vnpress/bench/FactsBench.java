package org.vnpress.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.InputRecord;
import org.vnpress.extract.Meeting;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.VnKey;

/**
 * Precision and recall of people and meetings (issue 20) on the labelled fact set: the seeds, the
 * 2025 resolutions (meetings only), DANeS titles and descriptions, and baomoi and VNDS texts read
 * from {@code ../shared} (dev and held-out parts apart). People are scored by name and by name with
 * post; a meeting by its body, session and term together.
 */
public final class FactsBench {

  /** Where the fact set lives in a clone. */
  public static final Path FACTSET =
      Path.of("vnpress-bench/src/main/resources/org/vnpress/bench/factset.jsonl");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The parts of the set, in the order they are reported. */
  public static final List<String> PARTS =
      List.of("seeds", "resolutions", "danes", "dev", "heldout");

  /**
   * One labelled text.
   *
   * @param people the officials named with posts, or null when people are not labelled here
   * @param meeting the meeting reported, null for none
   * @param meetingLabelled false when the meeting is not labelled
   */
  public record Label(
      String file,
      String id,
      String part,
      List<Person> people,
      Meeting meeting,
      boolean meetingLabelled) {}

  /** Scores of one part. */
  public record Counts(
      ExtractionBench.Score names,
      ExtractionBench.Score posts,
      ExtractionBench.Score meetings,
      int texts,
      List<String> missing,
      List<String> errors) {}

  private FactsBench() {}

  public static List<Label> read(Path set) throws IOException {
    List<Label> out = new ArrayList<>();
    for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      List<Person> people = null;
      if (n.has("people")) {
        people = new ArrayList<>();
        for (JsonNode p : n.get("people")) {
          people.add(new Person(text(p, "name"), text(p, "post"), text(p, "unit")));
        }
      }
      Meeting m = null;
      JsonNode mn = n.get("meeting");
      if (mn != null && !mn.isNull()) {
        m =
            new Meeting(
                text(mn, "body"),
                mn.hasNonNull("session") ? mn.get("session").asInt() : null,
                text(mn, "term"),
                null,
                null);
      }
      out.add(
          new Label(text(n, "file"), text(n, "id"), text(n, "part"), people, m, n.has("meeting")));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  /** Scores every part: part → counts. */
  public static Map<String, Counts> score(List<Label> labels, Extractor x, Path shared, Path home)
      throws IOException {
    Map<String, PressRelease> releases = extract(labels, x, shared, home);
    Map<String, Counts> out = new LinkedHashMap<>();
    for (String part : PARTS) {
      int[] names = new int[3];
      int[] posts = new int[3];
      int[] meetings = new int[3];
      int texts = 0;
      List<String> missing = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (Label l : labels) {
        if (!l.part().equals(part)) {
          continue;
        }
        PressRelease r = releases.get(l.file() + "|" + l.id());
        if (r == null) {
          missing.add(l.file() + " " + l.id());
          continue;
        }
        texts++;
        if (l.people() != null) {
          compare(l.id(), "name", nameKeys(l.people()), nameKeys(r.people()), names, errors);
          compare(l.id(), "post", postKeys(l.people()), postKeys(r.people()), posts, errors);
        }
        if (l.meetingLabelled()) {
          String want = meetingKey(l.meeting());
          String got = meetingKey(r.meeting());
          if (want != null && want.equals(got)) {
            meetings[0]++;
          } else {
            if (got != null) {
              meetings[1]++;
            }
            if (want != null) {
              meetings[2]++;
            }
            if (want != null || got != null) {
              errors.add(l.id() + " meeting: labelled " + want + ", found " + got);
            }
          }
        }
      }
      if (texts > 0 || !missing.isEmpty()) {
        out.put(
            part, new Counts(score(names), score(posts), score(meetings), texts, missing, errors));
      }
    }
    return out;
  }

  private static ExtractionBench.Score score(int[] c) {
    return new ExtractionBench.Score(c[0], c[1], c[2]);
  }

  private static void compare(
      String id, String what, Set<String> want, Set<String> got, int[] c, List<String> errors) {
    for (String g : got) {
      if (want.contains(g)) {
        c[0]++;
      } else {
        c[1]++;
        errors.add(id + " " + what + " not labelled: " + g);
      }
    }
    for (String w : want) {
      if (!got.contains(w)) {
        c[2]++;
        errors.add(id + " " + what + " missed: " + w);
      }
    }
  }

  /** Names compared on their tone-placement key. */
  static Set<String> nameKeys(List<Person> people) {
    Set<String> out = new LinkedHashSet<>();
    for (Person p : people) {
      out.add(VnKey.of(p.name()));
    }
    return out;
  }

  /** Name and post (without its unit) compared on their keys; people without a post left out. */
  static Set<String> postKeys(List<Person> people) {
    Set<String> out = new LinkedHashSet<>();
    for (Person p : people) {
      if (p.post() != null) {
        out.add(VnKey.of(p.name()) + " | " + VnKey.of(p.post()));
      }
    }
    return out;
  }

  static String meetingKey(Meeting m) {
    if (m == null) {
      return null;
    }
    return m.body() + " | " + m.session() + " | " + m.term();
  }

  /** Every labelled text extracted as indexing would, keyed {@code file|id}. */
  private static Map<String, PressRelease> extract(
      List<Label> labels, Extractor x, Path shared, Path home) throws IOException {
    Map<String, Set<String>> wanted = new HashMap<>();
    for (Label l : labels) {
      wanted.computeIfAbsent(l.file(), f -> new HashSet<>()).add(l.id());
    }
    Map<String, PressRelease> out = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : wanted.entrySet()) {
      String file = e.getKey();
      if (file.equals("seeds")) {
        for (String id : e.getValue()) {
          Path p =
              first(
                  home.resolve("index-data/seeds/" + id + ".txt"),
                  shared.resolve("seeds/" + id + ".txt"));
          if (p != null) {
            out.put("seeds|" + id, x.fromText(id, Files.readString(p, StandardCharsets.UTF_8)));
          }
        }
        continue;
      }
      // the redistributable files ship in index-data; the others are read from ../shared
      Path p =
          first(home.resolve("index-data").resolve(file), shared.resolve("corpus").resolve(file));
      if (p == null) {
        continue;
      }
      try (BufferedReader r = open(p)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.contains("\"id\"")) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          String id = n.path("id").asText();
          if (e.getValue().contains(id)) {
            out.put(
                file + "|" + id,
                x.fromRecord(
                    new InputRecord(
                        id,
                        text(n, "title"),
                        text(n, "body"),
                        text(n, "date"),
                        text(n, "url"),
                        text(n, "source"))));
          }
        }
      }
    }
    return out;
  }

  private static Path first(Path a, Path b) {
    return Files.exists(a) ? a : Files.exists(b) ? b : null;
  }

  private static BufferedReader open(Path p) throws IOException {
    InputStream in = Files.newInputStream(p);
    if (p.toString().endsWith(".gz")) {
      in = new GZIPInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Prints the people and meetings table of {@code bench extraction}. */
  public static void print(PrintStream out, Extractor x, Path shared, Path home, boolean verbose)
      throws IOException {
    Path set = home.resolve(FACTSET);
    if (!Files.exists(set)) {
      out.println("fact set: " + set + " not found, skipped");
      return;
    }
    List<Label> labels = read(set);
    out.println();
    out.println("people and meetings, fact set " + set);
    out.printf(
        Locale.ROOT,
        "  %-12s %6s  %-22s %-22s %-22s%n",
        "part",
        "texts",
        "people (names) P / R",
        "name + post P / R",
        "meetings P / R");
    for (Map.Entry<String, Counts> e : score(labels, x, shared, home).entrySet()) {
      Counts c = e.getValue();
      out.printf(
          Locale.ROOT,
          "  %-12s %6d  %-22s %-22s %-22s%s%n",
          e.getKey(),
          c.texts(),
          cell(c.names()),
          cell(c.posts()),
          cell(c.meetings()),
          c.missing().isEmpty() ? "" : "  (" + c.missing().size() + " texts not found)");
      if (verbose) {
        c.errors().forEach(err -> out.println("      " + err));
      }
    }
  }

  private static String cell(ExtractionBench.Score s) {
    int labelled = s.truePositives() + s.falseNegatives();
    int found = s.truePositives() + s.falsePositives();
    if (labelled == 0 && found == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.3f / %.3f (%d)", s.precision(), s.recall(), labelled);
  }
}
