package org.vnpress.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.vnpress.extract.District;
import org.vnpress.extract.DocumentRef;
import org.vnpress.extract.Extractor;
import org.vnpress.extract.Meeting;
import org.vnpress.extract.Person;
import org.vnpress.extract.PressRelease;
import org.vnpress.extract.Sources;
import org.vnpress.server.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vnpress extract FILE}: the record indexing would store, as JSON, without indexing. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Print, as JSON, what indexing would store for a file.")
final class ExtractCommand implements Callable<Integer> {

  @Parameters(paramLabel = "FILE", description = "a .txt/.html press release or a .jsonl file")
  Path file;

  /** The printed record: every extracted field by name. */
  record Extracted(
      String id,
      String title,
      String displayTitle,
      String date,
      String datePrecision,
      String quarter,
      String author,
      String url,
      String source,
      List<District> districts,
      List<District> places,
      List<DocumentRef> documents,
      List<String> periods,
      List<Person> people,
      Meeting meeting,
      DocumentRef number,
      List<String> notes,
      String body) {

    static Extracted of(PressRelease r) {
      return new Extracted(
          r.id(),
          r.title(),
          r.displayTitle(),
          r.date().iso(),
          r.date().precision().label(),
          r.quarter(),
          r.author(),
          r.url(),
          r.source(),
          r.districts(),
          r.places(),
          r.documents(),
          r.periods(),
          r.people(),
          r.meeting(),
          r.number(),
          r.notes(),
          r.body());
    }
  }

  @Override
  public Integer call() throws Exception {
    List<Extracted> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    new Sources(Extractor.standard())
        .readFile(
            file,
            item -> {
              if (item instanceof Sources.Accepted a) {
                out.add(Extracted.of(a.release()));
              } else if (item instanceof Sources.Rejected r) {
                problems.add(r.origin() + ": " + r.reason());
              }
            });
    var json = App.json().writerWithDefaultPrettyPrinter();
    for (Extracted e : out) {
      System.out.println(json.writeValueAsString(e));
    }
    for (String p : problems) {
      System.err.println("rejected: " + p);
    }
    return problems.isEmpty() ? 0 : 1;
  }
}
