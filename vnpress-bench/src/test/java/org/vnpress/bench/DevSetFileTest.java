package org.vnpress.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the hand-labelled extraction dev set is well-formed and points at real text. */
class DevSetFileTest {

  private static final String RESOURCE = "/org/vnpress/bench/devset.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String RESOLUTIONS = "official_resolutions_2025.jsonl";
  private static final String BAOMOI = "baomoi_2017.jsonl.gz";
  private static final String SEEDS = "seeds";

  // The corpus files start every line with its id, so ids can be read without parsing 35k records.
  private static final Pattern LEADING_ID = Pattern.compile("^\\{\"id\":\\s*\"([^\"]+)\"");
  private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  private static List<String> lines;
  private static Map<String, String> texts;

  @BeforeAll
  static void readDevSet() throws IOException {
    try (InputStream in = DevSetFileTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as("resource %s", RESOURCE).isNotNull();
      lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .toList();
    }
  }

  @Test
  void everyLineIsAnObjectWithTheRequiredKeys() {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String where = "line " + (i + 1);
      JsonNode node;
      try {
        node = JSON.readTree(lines.get(i));
      } catch (IOException e) {
        problems.add(where + ": not JSON: " + e.getMessage());
        continue;
      }
      if (node == null || !node.isObject()) {
        problems.add(where + ": not a JSON object");
        continue;
      }
      for (String key : List.of("file", "id", "notes")) {
        if (!node.path(key).isTextual()) {
          problems.add(where + ": '" + key + "' missing or not a string");
        }
      }
      for (String key : List.of("documents", "districts")) {
        if (!isStringArray(node.get(key))) {
          problems.add(where + ": '" + key + "' missing or not an array of strings");
        }
      }
      if (node.has("documentsOther") && !isStringArray(node.get("documentsOther"))) {
        problems.add(where + ": 'documentsOther' is not an array of strings");
      }
      if (!node.has("date") || !(node.get("date").isNull() || node.get("date").isTextual())) {
        problems.add(where + ": 'date' missing or neither null nor a string");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void holdsAtLeast150Records() {
    assertThat(lines).hasSizeGreaterThanOrEqualTo(150);
  }

  @Test
  void everyRecordIsLabelledOnce() {
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (JsonNode record : records()) {
      if (!seen.add(key(record))) {
        repeated.add(key(record));
      }
    }
    assertThat(repeated).isEmpty();
  }

  @Test
  void everyLabelIsListedOncePerRecord() {
    List<String> repeated = new ArrayList<>();
    for (JsonNode record : records()) {
      for (String field : List.of("documents", "districts")) {
        List<String> values = strings(record.get(field));
        if (new HashSet<>(values).size() != values.size()) {
          repeated.add(key(record) + " " + field + " " + values);
        }
      }
    }
    assertThat(repeated).isEmpty();
  }

  @Test
  void everyReferencedRecordExistsInShared() {
    Map<String, String> known = texts();
    List<String> missing =
        records().stream().map(DevSetFileTest::key).filter(k -> !known.containsKey(k)).toList();
    assertThat(missing)
        .as("records not found under %s", org.vnpress.Fixtures.sharedRoot())
        .isEmpty();
  }

  @Test
  void everyDocumentNumberOccursInItsText() {
    Map<String, String> known = texts();
    List<String> absent = new ArrayList<>();
    for (JsonNode record : records()) {
      String text = known.get(key(record));
      if (text == null) {
        continue; // reported by everyReferencedRecordExistsInShared
      }
      String spelled = spellingKey(text);
      List<String> numbers = new ArrayList<>(strings(record.get("documents")));
      numbers.addAll(strings(record.get("documentsOther")));
      for (String number : numbers) {
        if (!spelled.contains(spellingKey(number))) {
          absent.add(key(record) + " " + number);
        }
      }
    }
    assertThat(absent).isEmpty();
  }

  @Test
  void everyDistrictIsAGazetteerUnit() throws IOException {
    Set<String> units = gazetteerDistricts();
    List<String> unknown = new ArrayList<>();
    for (JsonNode record : records()) {
      for (String district : strings(record.get("districts"))) {
        if (!units.contains(district)) {
          unknown.add(key(record) + " " + district);
        }
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void everyDateIsWrittenInItsText() {
    Map<String, String> known = texts();
    List<String> unwritten = new ArrayList<>();
    for (JsonNode record : records()) {
      JsonNode date = record.get("date");
      String text = known.get(key(record));
      if (date == null || date.isNull() || text == null) {
        continue;
      }
      if (!datePattern(date.asText()).matcher(nfc(text)).find()) {
        unwritten.add(key(record) + " " + date.asText());
      }
    }
    assertThat(unwritten).isEmpty();
  }

  private static List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    for (String line : lines) {
      try {
        records.add(JSON.readTree(line));
      } catch (IOException e) {
        throw new UncheckedIOException("unparsable dev set line: " + line, e);
      }
    }
    return records;
  }

  private static String key(JsonNode record) {
    return record.path("file").asText() + "/" + record.path("id").asText();
  }

  private static boolean isStringArray(JsonNode node) {
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(element -> values.add(element.asText()));
    }
    return values;
  }

  private static String nfc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * Folds the spellings the labelling rules canonicalise: case, spaces and dots ({@code 15-
   * NQ/T.Ư}), {@code TƯ} for {@code TW}, and hyphen versus slash ({@code 824-QĐ/TTg} for {@code
   * 824/QĐ-TTg}).
   */
  private static String spellingKey(String text) {
    return nfc(text)
        .toUpperCase(Locale.ROOT)
        .replaceAll("[\\s.]", "")
        .replace("TƯ", "TW")
        .replace('–', '-')
        .replace('-', '/');
  }

  /** A date is "written" when its day, month and year appear as a date line would print them. */
  private static Pattern datePattern(String iso) {
    Matcher day = DAY.matcher(iso);
    if (day.matches()) {
      String y = day.group(1);
      String m = unpadded(day.group(2));
      String d = unpadded(day.group(3));
      return Pattern.compile(
          "(?<!\\d)0?"
              + d
              + "\\s*[-/.]\\s*0?"
              + m
              + "\\s*[-/.]\\s*"
              + y
              + "|ngày\\s+0?"
              + d
              + "\\s+tháng\\s+0?"
              + m
              + "\\s+năm\\s+"
              + y
              + "|"
              + iso);
    }
    Matcher month = MONTH.matcher(iso);
    if (month.matches()) {
      String y = month.group(1);
      String m = unpadded(month.group(2));
      return Pattern.compile(
          "tháng\\s+0?" + m + "\\s*(?:/|năm)\\s*" + y + "|(?<!\\d)0?" + m + "/" + y + "|" + iso);
    }
    // A malformed date can never be written: fail loudly through the caller's assertion.
    return Pattern.compile("(?!)");
  }

  private static String unpadded(String number) {
    return String.valueOf(Integer.parseInt(number));
  }

  /** Title and body of every record the dev set names, keyed like {@link #key(JsonNode)}. */
  private static synchronized Map<String, String> texts() {
    if (texts == null) {
      Set<String> wanted = new HashSet<>();
      records().forEach(record -> wanted.add(key(record)));
      Map<String, String> found = new HashMap<>();
      try {
        readCorpus(org.vnpress.Fixtures.resolutions(), RESOLUTIONS, wanted, found);
        readCorpus(org.vnpress.Fixtures.shared("corpus/" + BAOMOI), BAOMOI, wanted, found);
        for (String key : wanted) {
          if (key.startsWith(SEEDS + "/")) {
            Path seed =
                org.vnpress.Fixtures.seeds().resolve(key.substring(SEEDS.length() + 1) + ".txt");
            if (Files.isRegularFile(seed)) {
              found.put(key, Files.readString(seed, StandardCharsets.UTF_8));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      texts = found;
    }
    return texts;
  }

  private static void readCorpus(
      Path path, String file, Set<String> wanted, Map<String, String> out) throws IOException {
    InputStream raw = Files.newInputStream(path);
    InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        Matcher id = LEADING_ID.matcher(line);
        if (!id.find() || !wanted.contains(file + "/" + id.group(1))) {
          continue;
        }
        JsonNode record = JSON.readTree(line);
        out.put(
            file + "/" + id.group(1),
            record.path("title").asText("") + "\n" + record.path("body").asText(""));
      }
    }
  }

  /** {@code Province/District} values from the gazetteer, bare names as the dev set writes them. */
  private static Set<String> gazetteerDistricts() throws IOException {
    Set<String> units = new HashSet<>();
    // the bundled copy of the gazetteer's history: every unit of 2019-2025, the last list included
    try (InputStream gz =
            DevSetFileTest.class.getResourceAsStream("/org/vnpress/extract/units_history.csv.gz");
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8))) {
      List<String> rows = in.lines().toList();
      List<String> header = List.of(rows.get(0).split(",", -1));
      int province = header.indexOf("province_name");
      int district = header.indexOf("district_name");
      for (String row : rows.subList(1, rows.size())) {
        String[] cells = row.split(",", -1);
        if (cells[district].isEmpty()) {
          continue;
        }
        units.add(bare(cells[province]) + "/" + districtValue(cells[district]));
      }
    }
    return units;
  }

  private static String districtValue(String fullName) {
    // Numbered districts keep their type word: "Quận 1" is the value, not "1".
    return fullName.matches("Quận \\d+") ? fullName : bare(fullName);
  }

  private static String bare(String fullName) {
    for (String type : List.of("Thành phố ", "Thị xã ", "Quận ", "Huyện ", "Tỉnh ")) {
      if (fullName.startsWith(type)) {
        return fullName.substring(type.length());
      }
    }
    return fullName;
  }
}
