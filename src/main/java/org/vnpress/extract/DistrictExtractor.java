package org.vnpress.extract;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vnpress.extract.Gazetteer.DistrictUnit;
import org.vnpress.extract.Gazetteer.NewUnit;
import org.vnpress.extract.Gazetteer.Type;
import org.vnpress.extract.Gazetteer.Ward;

/**
 * Finds the districts a release is about, and the wards and communes it names.
 *
 * <p>A unit counts only when a unit word stands right before its capitalised name ({@code quận Hai
 * Bà Trưng}, {@code Quận ủy Hoàng Mai}, {@code thị xã Sơn Tây}, {@code phường Ngã Tư Sở, Nam
 * Đồng}), so streets ({@code phố Hai Bà Trưng}) and people ({@code đồng chí Hoàng Mai}) never match.
 * Names are compared on their {@link VnKey}, so tone placement and NFD input do not matter. A name
 * found in several provinces is kept only when the province is settled by context (provinces named
 * in the text, {@code Thủ đô}, {@code TP.HCM}, the provinces of the other units found); otherwise it
 * is left out. When no district is named, the districts of the wards named are used. From
 * 2025-07-01 on, ward and commune names mean the new units of the reform, which have no district.
 */
public class DistrictExtractor {

  private static final String K_QUAN = VnKey.of("quận");
  private static final String K_HUYEN = VnKey.of("huyện");
  private static final String K_THI = VnKey.of("thị");
  private static final String K_XA = VnKey.of("xã");
  private static final String K_TRAN = VnKey.of("trấn");
  private static final String K_THANH = VnKey.of("thành");
  private static final String K_PHO = VnKey.of("phố");
  private static final String K_TP = VnKey.of("tp");
  private static final String K_PHUONG = VnKey.of("phường");
  private static final String K_DAC = VnKey.of("đặc");
  private static final String K_KHU = VnKey.of("khu");
  private static final String K_UY = VnKey.of("ủy");
  private static final String K_VA = VnKey.of("và");
  private static final String K_THU = VnKey.of("thủ");
  private static final String K_DO = VnKey.of("đô");

  private static final Set<Type> DISTRICT_TYPES =
      EnumSet.of(Type.QUAN, Type.HUYEN, Type.THI_XA, Type.THANH_PHO);

  /** Words after {@code quận 9} that show the number counts something else ({@code 9 tháng}). */
  private static final Set<String> NOT_AFTER_NUMBER =
      Set.of(
          VnKey.of("tháng"), VnKey.of("năm"), VnKey.of("ngày"), VnKey.of("quý"), VnKey.of("tuần"),
          VnKey.of("phường"), VnKey.of("xã"), VnKey.of("huyện"), VnKey.of("quận"));

  private final Gazetteer gazetteer;

  DistrictExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** An extractor on the bundled gazetteer. */
  public static DistrictExtractor standard() {
    return new DistrictExtractor(Gazetteer.standard());
  }

  /** Districts the release is about, {@code Hà Nội/Hai Bà Trưng}, in order of first mention. */
  public List<District> extract(String text, PubDate date) {
    return analyse(text, date).districts();
  }

  /**
   * Wards and communes named in the text. Before the reform (or with no date) an old ward is {@code
   * Hà Nội/Đống Đa/Phường Ngã Tư Sở}, since the same ward name recurs in a province; from
   * 2025-07-01 a new unit is {@code Hà Nội/Phường Hoàn Kiếm}.
   */
  public List<District> places(String text, PubDate date) {
    return analyse(text, date).places();
  }

  /**
   * The old districts that the new wards and communes named in the text were formed from (the
   * old→new mapping of the 2025 reform): {@code phường Hoàn Kiếm} (2025) → {@code Hà Nội/Hoàn
   * Kiếm}. Empty for texts dated before the reform.
   */
  public List<District> formerDistricts(String text, PubDate date) {
    return analyse(text, date).formerDistricts();
  }

  /** Everything found in one text. */
  public record Result(List<District> districts, List<District> places, List<District> formerDistricts) {}

  /** One unit word followed by a name found in the gazetteer. */
  private record Mention(Set<Type> types, String key, boolean numbered, int order) {}

  /** Finds districts, places and former districts in one pass over the text. */
  public Result analyse(String text, PubDate date) {
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    Tokens t = Tokens.of(text);
    LocalDate day = date == null ? null : date.firstDay();
    boolean after = day != null && !day.isBefore(Gazetteer.REFORM);
    Set<String> context = provinces(t);
    List<Mention> mentions = mentions(t, context);

    // named districts: unambiguous ones first, then their provinces settle the others
    Map<String, DistrictUnit> named = new LinkedHashMap<>();
    List<Mention> ambiguous = new ArrayList<>();
    Set<String> ctx = new HashSet<>(context);
    for (Mention m : mentions) {
      if (!DISTRICT_TYPES.containsAll(m.types())) {
        continue;
      }
      Map<String, DistrictUnit> byCode = districtCandidates(m, day);
      if (byCode.size() == 1) {
        DistrictUnit u = byCode.values().iterator().next();
        named.putIfAbsent(u.code(), u);
        ctx.add(u.province());
      } else if (byCode.size() > 1) {
        ambiguous.add(m);
      }
    }
    for (Mention m : ambiguous) {
      DistrictUnit u = pick(districtCandidates(m, day).values(), ctx);
      if (u != null) {
        named.putIfAbsent(u.code(), u);
      }
    }

    List<District> places = new ArrayList<>();
    Set<District> former = new LinkedHashSet<>();
    Map<String, DistrictUnit> inferred = new LinkedHashMap<>();
    List<List<Ward>> pending = new ArrayList<>();
    Set<String> supported = new HashSet<>(named.keySet());
    for (Mention m : mentions) {
      if (DISTRICT_TYPES.containsAll(m.types())) {
        continue;
      }
      if (after || gazetteer.wards(m.key()).isEmpty()) {
        NewUnit n = pickNew(m, ctx);
        if (n != null) {
          places.add(n.toPlace());
          for (String code : n.oldWards()) {
            Ward w = gazetteer.ward(code);
            if (w != null) {
              former.add(w.district().toDistrict());
            }
          }
          continue;
        }
        if (after) {
          continue;
        }
      }
      List<Ward> ws = wardCandidates(m, day);
      Set<String> codes = new LinkedHashSet<>();
      for (Ward w : ws) {
        codes.add(w.district().code());
      }
      if (codes.size() == 1) {
        Ward w = ws.get(0);
        supported.add(w.district().code());
        inferred.putIfAbsent(w.district().code(), w.district());
        places.add(w.toPlace());
        ctx.add(w.district().province());
      } else if (codes.size() > 1) {
        pending.add(ws);
      }
    }
    for (List<Ward> ws : pending) {
      Ward w = pickWard(ws, supported, ctx);
      if (w != null) {
        inferred.putIfAbsent(w.district().code(), w.district());
        places.add(w.toPlace());
      }
    }

    List<District> districts = new ArrayList<>();
    // wards only stand in for districts when the text names none, and only before the reform
    Map<String, DistrictUnit> chosen = !named.isEmpty() || after ? named : inferred;
    for (DistrictUnit u : chosen.values()) {
      District d = u.toDistrict();
      if (!districts.contains(d)) {
        districts.add(d);
      }
    }
    return new Result(
        List.copyOf(districts),
        List.copyOf(new LinkedHashSet<>(places)),
        after ? List.copyOf(former) : List.of());
  }

  /** Candidate districts of a mention, one variant per district code, the best for the date. */
  private Map<String, DistrictUnit> districtCandidates(Mention m, LocalDate day) {
    Map<String, DistrictUnit> byCode = new LinkedHashMap<>();
    for (DistrictUnit u : gazetteer.districts(m.key())) {
      if (!m.types().contains(u.type())) {
        continue;
      }
      DistrictUnit old = byCode.get(u.code());
      if (old == null || better(u, old, day)) {
        byCode.put(u.code(), u);
      }
    }
    if (m.numbered()) {
      byCode.values().removeIf(u -> !u.centralCity());
    }
    return byCode;
  }

  /** The variant valid at the date; with no date, the one that held longest. */
  private static boolean better(DistrictUnit a, DistrictUnit b, LocalDate day) {
    if (day != null && a.validAt(day) != b.validAt(day)) {
      return a.validAt(day);
    }
    return span(a) > span(b);
  }

  private static long span(DistrictUnit u) {
    LocalDate from = u.from().isBefore(LocalDate.of(2019, 1, 1)) ? LocalDate.of(2019, 1, 1) : u.from();
    return u.to().toEpochDay() - from.toEpochDay();
  }

  private static DistrictUnit pick(Iterable<DistrictUnit> candidates, Set<String> ctx) {
    DistrictUnit found = null;
    for (DistrictUnit u : candidates) {
      if (ctx.contains(u.province())) {
        if (found != null) {
          return null;
        }
        found = u;
      }
    }
    return found;
  }

  private List<Ward> wardCandidates(Mention m, LocalDate day) {
    List<Ward> all = new ArrayList<>();
    for (Ward w : gazetteer.wards(m.key())) {
      if (m.types().contains(w.type())) {
        all.add(w);
      }
    }
    if (day == null) {
      return all;
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

  private static Ward pickWard(List<Ward> ws, Set<String> supported, Set<String> ctx) {
    Ward bySupport = null;
    Set<String> supportCodes = new HashSet<>();
    for (Ward w : ws) {
      if (supported.contains(w.district().code())) {
        supportCodes.add(w.district().code());
        bySupport = w;
      }
    }
    if (supportCodes.size() == 1) {
      return bySupport;
    }
    if (!supportCodes.isEmpty()) {
      return null;
    }
    Ward byContext = null;
    Set<String> contextCodes = new HashSet<>();
    for (Ward w : ws) {
      if (ctx.contains(w.district().province())) {
        contextCodes.add(w.district().code());
        byContext = w;
      }
    }
    return contextCodes.size() == 1 ? byContext : null;
  }

  private NewUnit pickNew(Mention m, Set<String> ctx) {
    List<NewUnit> all = new ArrayList<>();
    for (NewUnit n : gazetteer.newUnits(m.key())) {
      if (m.types().contains(n.type())) {
        all.add(n);
      }
    }
    if (all.size() == 1) {
      return all.get(0);
    }
    NewUnit found = null;
    for (NewUnit n : all) {
      if (ctx.contains(n.province())) {
        if (found != null) {
          return null;
        }
        found = n;
      }
    }
    return found;
  }

  /** Provinces named anywhere: capitalised names and aliases such as {@code Thủ đô}, {@code TP.HCM}. */
  private Set<String> provinces(Tokens t) {
    Set<String> found = new HashSet<>();
    int max = 4;
    for (int i = 0; i < t.size; i++) {
      if (!t.cap[i]) {
        continue;
      }
      if (t.key[i].equals(K_THU) && i + 1 < t.size && t.key[i + 1].equals(K_DO) && t.spaceBefore(i + 1)) {
        found.add("Hà Nội");
        continue;
      }
      StringBuilder key = new StringBuilder();
      String hit = null;
      int hitLen = 0;
      for (int len = 1; len <= max && i + len <= t.size; len++) {
        int j = i + len - 1;
        if (len > 1) {
          if (!t.joins(j) || !t.cap[j]) {
            break;
          }
          key.append(' ');
        }
        key.append(t.key[j]);
        String p = gazetteer.province(key.toString());
        if (p != null) {
          hit = p;
          hitLen = len;
        }
      }
      if (hit != null) {
        found.add(hit);
        i += hitLen - 1;
      }
    }
    return found;
  }

  /** Unit words followed by known names, with lists ({@code phường Ngã Tư Sở, Nam Đồng}). */
  private List<Mention> mentions(Tokens t, Set<String> context) {
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      String k = t.key[i];
      Set<Type> types;
      int next = i + 1;
      if (k.equals(K_QUAN)) {
        types = EnumSet.of(Type.QUAN);
        next = skipUy(t, next);
      } else if (k.equals(K_HUYEN)) {
        types = EnumSet.of(Type.HUYEN);
        next = skipUy(t, next);
      } else if (k.equals(K_THI) && next < t.size && t.spaceBefore(next)) {
        if (t.key[next].equals(K_XA)) {
          types = EnumSet.of(Type.THI_XA);
          next++;
        } else if (t.key[next].equals(K_TRAN)) {
          types = EnumSet.of(Type.THI_TRAN);
          next++;
        } else if (t.key[next].equals(K_UY)) {
          types = EnumSet.of(Type.THI_XA, Type.THANH_PHO);
          next++;
        } else {
          continue;
        }
      } else if (k.equals(K_THANH)
          && next < t.size
          && t.spaceBefore(next)
          && t.key[next].equals(K_PHO)) {
        types = EnumSet.of(Type.THANH_PHO);
        next++;
      } else if (k.equals(K_TP)) {
        types = EnumSet.of(Type.THANH_PHO);
      } else if (k.equals(K_PHUONG)) {
        types = EnumSet.of(Type.PHUONG);
      } else if (k.equals(K_XA)) {
        types = EnumSet.of(Type.XA);
      } else if (k.equals(K_DAC)
          && next < t.size
          && t.spaceBefore(next)
          && t.key[next].equals(K_KHU)) {
        types = EnumSet.of(Type.DAC_KHU);
        next++;
      } else {
        continue;
      }
      // a list goes on after commas and "và": phường Ngã Tư Sở, Nam Đồng và …
      int at = next;
      boolean first = true;
      while (at < t.size && (!first || t.spaceBefore(at))) {
        int end = match(t, at, types, context);
        if (end < 0) {
          break;
        }
        boolean numbered = t.num[at];
        out.add(new Mention(types, t.joinedKey(at, end), numbered, out.size()));
        first = false;
        if (end < t.size && t.gap[end] == Tokens.GAP_COMMA) {
          at = end;
        } else if (end + 1 < t.size && t.key[end].equals(K_VA) && t.spaceBefore(end)) {
          at = end + 1;
        } else {
          break;
        }
      }
      i = Math.max(i, next - 1);
    }
    return out;
  }

  private static int skipUy(Tokens t, int next) {
    return next < t.size && t.spaceBefore(next) && t.key[next].equals(K_UY) ? next + 1 : next;
  }

  /** The end (exclusive) of the longest known name starting at {@code at}, or -1. */
  private int match(Tokens t, int at, Set<Type> types, Set<String> context) {
    if (t.num[at]) {
      // numbered units: only HCMC districts, and not "quận 9 tháng đầu năm"
      if (!types.equals(EnumSet.of(Type.QUAN)) || !context.contains("Hồ Chí Minh")) {
        return -1;
      }
      int after = at + 1;
      if (after < t.size && t.spaceBefore(after) && (!t.cap[after] || NOT_AFTER_NUMBER.contains(t.key[after]))) {
        return -1;
      }
      return gazetteer.districts(t.key[at]).isEmpty() ? -1 : at + 1;
    }
    if (!t.cap[at]) {
      return -1;
    }
    int limit = at;
    while (limit < t.size && limit - at < gazetteer.maxNameWords() && t.cap[limit] && !t.num[limit]
        && (limit == at || t.joins(limit))) {
      limit++;
    }
    for (int end = limit; end > at; end--) {
      String key = t.joinedKey(at, end);
      if (known(key, types)) {
        return end;
      }
    }
    return -1;
  }

  private boolean known(String key, Set<Type> types) {
    for (Type type : types) {
      if (DISTRICT_TYPES.contains(type)) {
        for (DistrictUnit u : gazetteer.districts(key)) {
          if (u.type() == type) {
            return true;
          }
        }
      } else {
        for (Ward w : gazetteer.wards(key)) {
          if (w.type() == type) {
            return true;
          }
        }
        for (NewUnit n : gazetteer.newUnits(key)) {
          if (n.type() == type) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The words of a text with their keys and what separates them, in parallel arrays. */
  static final class Tokens {
    static final byte GAP_SPACE = 0;
    static final byte GAP_HYPHEN = 1;
    static final byte GAP_COMMA = 2;
    static final byte GAP_OTHER = 3;

    int size;
    String[] key;
    boolean[] cap;
    boolean[] num;
    /** What stands between the previous word and this one. */
    byte[] gap;

    static Tokens of(String s) {
      Tokens t = new Tokens();
      int cap0 = Math.max(16, s.length() / 4);
      t.key = new String[cap0];
      t.cap = new boolean[cap0];
      t.num = new boolean[cap0];
      t.gap = new byte[cap0];
      int i = 0;
      int n = s.length();
      byte gap = GAP_OTHER;
      while (i < n) {
        char c = s.charAt(i);
        if (!VnKey.isWordChar(c)) {
          if (c == ',' || c == ';') {
            gap = GAP_COMMA;
          } else if ((c == '-' || c == '–') && gap == GAP_SPACE) {
            gap = GAP_HYPHEN;
          } else if (c != ' ' && c != '\t') {
            gap = gap == GAP_COMMA ? GAP_COMMA : GAP_OTHER;
          }
          i++;
          continue;
        }
        int start = i;
        boolean digits = true;
        while (i < n && VnKey.isWordChar(s.charAt(i))) {
          digits &= Character.isDigit(s.charAt(i));
          i++;
        }
        t.add(VnKey.word(s, start, i), Character.isUpperCase(c), digits, gap);
        gap = GAP_SPACE;
      }
      return t;
    }

    private void add(String k, boolean upper, boolean digits, byte g) {
      if (size == key.length) {
        int m = size * 2;
        key = java.util.Arrays.copyOf(key, m);
        cap = java.util.Arrays.copyOf(cap, m);
        num = java.util.Arrays.copyOf(num, m);
        gap = java.util.Arrays.copyOf(gap, m);
      }
      key[size] = k;
      cap[size] = upper;
      num[size] = digits;
      gap[size] = g;
      size++;
    }

    boolean spaceBefore(int i) {
      return gap[i] == GAP_SPACE;
    }

    /** Whether word {@code i} continues the name before it (space or hyphen between). */
    boolean joins(int i) {
      return gap[i] == GAP_SPACE || gap[i] == GAP_HYPHEN;
    }

    String joinedKey(int from, int to) {
      if (to - from == 1) {
        return key[from];
      }
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        if (i > from) {
          sb.append(' ');
        }
        sb.append(key[i]);
      }
      return sb.toString();
    }
  }
}
