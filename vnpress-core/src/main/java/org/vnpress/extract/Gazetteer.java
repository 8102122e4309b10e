package org.vnpress.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * Vietnam's administrative units, 2019 to the 2025 reform and after, indexed once by the {@link
 * VnKey} of their bare names so that extraction does lookups, never scans.
 *
 * <p>Loaded from two resources next to this class: {@code units_history.csv.gz} (the official GSO
 * list, every unit of 20 snapshots 2019-09-11…2025-03-01 with first and last snapshot seen) and
 * {@code post2025.tsv.gz} (the wards and communes of 1 July 2025 with the old wards each was formed
 * from, derived from the MIT-licensed dvhcvn/20250701 data; see {@code tools/build-gazetteer.py}).
 */
final class Gazetteer {

  /** The day the district level ended and the new wards and communes began. */
  static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  /** Unit types, as the text names them before a unit's name. */
  enum Type {
    QUAN("Quận"),
    HUYEN("Huyện"),
    THI_XA("Thị xã"),
    THANH_PHO("Thành phố"),
    PHUONG("Phường"),
    XA("Xã"),
    THI_TRAN("Thị trấn"),
    DAC_KHU("Đặc khu");

    final String word;
    final String key;

    Type(String word) {
      this.word = word;
      this.key = VnKey.of(word);
    }

    private static final Map<String, Type> BY_WORD = new java.util.concurrent.ConcurrentHashMap<>();

    static Type of(String word) {
      Type cached = BY_WORD.get(word);
      if (cached != null) {
        return cached;
      }
      Type t = find(word);
      BY_WORD.put(word, t);
      return t;
    }

    private static Type find(String word) {
      String k = VnKey.of(word);
      for (Type t : values()) {
        if (t.key.equals(k)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown unit type: " + word);
    }
  }

  /**
   * One name of a district-level unit over the time it carried that name.
   *
   * @param code GSO district code (stable across renames)
   * @param province bare province name at the time ({@code Hà Nội})
   * @param fullName official name ({@code Quận Hai Bà Trưng})
   * @param bare facet name ({@code Hai Bà Trưng}; numbered units keep the word: {@code Quận 11})
   */
  record DistrictUnit(
      String code,
      String province,
      boolean centralCity,
      String fullName,
      String bare,
      Type type,
      LocalDate from,
      LocalDate to) {

    District toDistrict() {
      return new District(province + "/" + bare, fullName);
    }

    boolean validAt(LocalDate d) {
      return d == null || (!d.isBefore(from) && !d.isAfter(to));
    }
  }

  /** One name of a ward, commune or township before the reform, with its district. */
  record Ward(
      String code,
      String fullName,
      Type type,
      DistrictUnit district,
      LocalDate from,
      LocalDate to) {

    boolean validAt(LocalDate d) {
      return d == null || (!d.isBefore(from) && !d.isAfter(to));
    }

    District toPlace() {
      return new District(
          district.province() + "/" + district.bare() + "/" + fullName,
          fullName + " (" + district.fullName() + ")");
    }
  }

  /** A ward, commune or special zone of 1 July 2025, with the codes of the old wards it took in. */
  record NewUnit(String code, String province, String fullName, Type type, List<String> oldWards) {
    District toPlace() {
      return new District(province + "/" + fullName, fullName);
    }
  }

  private final Map<String, List<DistrictUnit>> districts = new HashMap<>();
  private final Map<String, List<Ward>> wards = new HashMap<>();
  private final Map<String, Ward> wardByCode = new HashMap<>();
  private final Map<String, List<NewUnit>> newUnits = new HashMap<>();
  private final Map<String, String> provinces = new HashMap<>();

  /**
   * Every name's leading words ({@code hai}, {@code hai ba2}, {@code hai ba2 trưng}): stops lookups
   * early.
   */
  private final java.util.Set<String> prefixes = new java.util.HashSet<>();

  private int maxNameWords = 1;

  private static Gazetteer standard;

  /** The bundled gazetteer, loaded once: it is immutable after loading, so sharing it is safe. */
  static synchronized Gazetteer standard() {
    if (standard == null) {
      standard = load();
    }
    return standard;
  }

  private Gazetteer() {}

  static Gazetteer load() {
    Gazetteer g = new Gazetteer();
    try {
      g.readHistory(open("units_history.csv.gz"));
      g.readPost2025(open("post2025.tsv.gz"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled gazetteer", e);
    }
    // colloquial names of the two big cities, used as province context
    g.provinces.put(VnKey.of("Thủ đô"), "Hà Nội");
    g.provinces.put(VnKey.of("TPHCM"), "Hồ Chí Minh");
    g.provinces.put(VnKey.of("HCM"), "Hồ Chí Minh");
    g.provinces.put(VnKey.of("Sài Gòn"), "Hồ Chí Minh");
    g.provinces.put(VnKey.of("Thừa Thiên - Huế"), "Thừa Thiên Huế");
    for (java.util.Collection<String> keys :
        List.of(
            g.districts.keySet(), g.wards.keySet(), g.newUnits.keySet(), g.provinces.keySet())) {
      for (String key : keys) {
        for (int i = key.indexOf(' '); i > 0; i = key.indexOf(' ', i + 1)) {
          g.prefixes.add(key.substring(0, i));
        }
        g.prefixes.add(key);
      }
    }
    return g;
  }

  private static BufferedReader open(String name) throws IOException {
    InputStream in = Gazetteer.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return new BufferedReader(
        new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
  }

  private void readHistory(BufferedReader r) throws IOException {
    try (r) {
      r.readLine();
      List<String[]> rows = new ArrayList<>();
      TreeSet<LocalDate> snapshots = new TreeSet<>();
      // 20 snapshot dates over 12,883 rows: parse each once
      Map<String, LocalDate> dates = new HashMap<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",", -1);
        rows.add(f);
        snapshots.add(dates.computeIfAbsent(f[9], LocalDate::parse));
        snapshots.add(dates.computeIfAbsent(f[10], LocalDate::parse));
      }
      // a unit's name is known to hold from the snapshot before it was first seen to the one after
      // it was last seen; the ends of the history are open (older texts, and up to the reform)
      Map<String, LocalDate[]> dSpan = new LinkedHashMap<>();
      Map<String, String[]> dRow = new HashMap<>();
      for (String[] f : rows) {
        String id = f[3] + "|" + f[4] + "|" + f[1];
        LocalDate[] span = dSpan.computeIfAbsent(id, k -> new LocalDate[] {null, null});
        LocalDate a = dates.get(f[9]);
        LocalDate b = dates.get(f[10]);
        span[0] = span[0] == null || a.isBefore(span[0]) ? a : span[0];
        span[1] = span[1] == null || b.isAfter(span[1]) ? b : span[1];
        dRow.putIfAbsent(id, f);
      }
      Map<String, DistrictUnit> byId = new HashMap<>();
      for (Map.Entry<String, LocalDate[]> e : dSpan.entrySet()) {
        String[] f = dRow.get(e.getKey());
        Type type = Type.of(f[5]);
        String bare = strip(f[4], type);
        String province = bareProvince(f[1]);
        DistrictUnit u =
            new DistrictUnit(
                f[3],
                province,
                f[2].startsWith("Thành phố"),
                normaliseType(f[4], type),
                isNumber(bare) ? type.word + " " + bare : bare,
                type,
                from(snapshots, e.getValue()[0]),
                to(snapshots, e.getValue()[1]));
        byId.put(e.getKey(), u);
        add(districts, VnKey.of(bare), u);
        provinces.putIfAbsent(VnKey.of(province), province);
      }
      for (String[] f : rows) {
        if (f[6].isEmpty()) {
          continue;
        }
        DistrictUnit d = byId.get(f[3] + "|" + f[4] + "|" + f[1]);
        Type type = Type.of(f[8]);
        Ward w =
            new Ward(
                f[6],
                normaliseType(f[7], type),
                type,
                d,
                from(snapshots, dates.get(f[9])),
                to(snapshots, dates.get(f[10])));
        String bare = strip(f[7], type);
        add(wards, VnKey.of(bare), w);
        Ward old = wardByCode.get(f[6]);
        if (old == null || w.to().isAfter(old.to())) {
          wardByCode.put(f[6], w);
        }
      }
    }
  }

  private void readPost2025(BufferedReader r) throws IOException {
    try (r) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", -1);
        String name = f[3];
        Type type = name.startsWith("Đặc khu") ? Type.DAC_KHU : Type.of(name.split(" ")[0]);
        List<String> olds = new ArrayList<>();
        for (String o : f[4].split(",")) {
          if (!o.isEmpty()) {
            olds.add(o.substring(0, o.indexOf(':')));
          }
        }
        String province = bareProvince(f[1]);
        provinces.putIfAbsent(VnKey.of(province), province);
        NewUnit u = new NewUnit(f[2], province, name, type, List.copyOf(olds));
        add(newUnits, VnKey.of(strip(name, type)), u);
      }
    }
  }

  private <T> void add(Map<String, List<T>> index, String key, T value) {
    index.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    maxNameWords = Math.max(maxNameWords, key.split(" ").length);
  }

  private static LocalDate from(TreeSet<LocalDate> snapshots, LocalDate firstSeen) {
    LocalDate before = snapshots.lower(firstSeen);
    return before == null ? LocalDate.MIN : before.plusDays(1);
  }

  private static LocalDate to(TreeSet<LocalDate> snapshots, LocalDate lastSeen) {
    LocalDate after = snapshots.higher(lastSeen);
    return after == null ? REFORM.minusDays(1) : after.minusDays(1);
  }

  /** {@code Quận Hai Bà Trưng} → {@code Hai Bà Trưng}; the type word is matched on its key. */
  static String strip(String fullName, Type type) {
    String[] words = fullName.split(" ");
    int n = type.word.split(" ").length;
    if (words.length > n) {
      StringBuilder head = new StringBuilder();
      for (int i = 0; i < n; i++) {
        head.append(i > 0 ? " " : "").append(words[i]);
      }
      if (VnKey.of(head.toString()).equals(type.key)) {
        return String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length));
      }
    }
    return fullName;
  }

  /** The official spelling of the type word ({@code Thị Xã Việt Yên} → {@code Thị xã Việt Yên}). */
  private static String normaliseType(String fullName, Type type) {
    String bare = strip(fullName, type);
    return bare.equals(fullName) ? fullName : type.word + " " + bare;
  }

  static String bareProvince(String name) {
    if (name.startsWith("Thành phố ")) {
      return name.substring("Thành phố ".length());
    }
    if (name.startsWith("Tỉnh ")) {
      return name.substring("Tỉnh ".length());
    }
    return name;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  List<DistrictUnit> districts(String key) {
    return districts.getOrDefault(key, List.of());
  }

  List<Ward> wards(String key) {
    return wards.getOrDefault(key, List.of());
  }

  List<NewUnit> newUnits(String key) {
    return newUnits.getOrDefault(key, List.of());
  }

  /** Whether some unit or province name starts with these words (or is them). */
  boolean isPrefix(String key) {
    return prefixes.contains(key);
  }

  /** The bare province name for a name or alias key, or null. */
  String province(String key) {
    return provinces.get(key);
  }

  Ward ward(String code) {
    return wardByCode.get(code);
  }

  /** The most words any indexed name has; bounds the lookups after a trigger word. */
  int maxNameWords() {
    return maxNameWords;
  }

  /**
   * The wards a name with one of these unit words may mean at a date: of the named type (else of
   * any ward type, since texts mix the words), valid at the date (else all), and with no date each
   * ward's first name.
   */
  List<Ward> wards(String key, java.util.Set<Type> types, LocalDate day) {
    List<Ward> all = new ArrayList<>();
    for (Ward w : wards(key)) {
      if (types.contains(w.type())) {
        all.add(w);
      }
    }
    if (all.isEmpty()) {
      // communes become wards over the years and texts mix the words: "phường Vĩnh Lộc A" is a xã
      for (Ward w : wards(key)) {
        if (UnitMentions.WARD_TYPES.contains(w.type())) {
          all.add(w);
        }
      }
    }
    if (day == null) {
      // an undated text is most likely older than the last renaming: keep each ward's first
      // district (phường Thảo Điền of Quận 2 rather than of the later thành phố Thủ Đức)
      Map<String, Ward> first = new LinkedHashMap<>();
      for (Ward w : all) {
        first.merge(w.code(), w, (a, b) -> b.from().isBefore(a.from()) ? b : a);
      }
      return new ArrayList<>(first.values());
    }
    // a text from the time a ward existed means that ward; older or newer names still count
    List<Ward> valid = new ArrayList<>();
    for (Ward w : all) {
      if (w.validAt(day)) {
        valid.add(w);
      }
    }
    return valid.isEmpty() ? all : valid;
  }
}
