package org.vnpress.extract;

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
 * Đồng}), so streets ({@code phố Hai Bà Trưng}) and people ({@code đồng chí Hoàng Mai}) never
 * match. Names are compared on their {@link VnKey}, so tone placement and NFD input do not matter.
 * A name found in several provinces is kept only when the province is settled by context (provinces
 * named in the text, {@code Thủ đô}, {@code TP.HCM}, the provinces of the other units found);
 * otherwise it is left out. When no district is named, the districts of the wards named are used.
 * From 2025-07-01 on, ward and commune names mean the new units of the reform, which have no
 * district.
 */
public class DistrictExtractor {

  private static final String K_THANH = VnKey.of("thành");
  private static final String K_PHO = VnKey.of("phố");
  private static final String K_TP = VnKey.of("tp");
  private static final String K_VA = VnKey.of("và");
  private static final String K_THU = VnKey.of("thủ");
  private static final String K_TINH = VnKey.of("tỉnh");
  private static final String K_DO = VnKey.of("đô");

  private static final Set<Type> WARD_TYPES = EnumSet.of(Type.PHUONG, Type.XA, Type.THI_TRAN);

  private static final Set<Type> DISTRICT_TYPES =
      EnumSet.of(Type.QUAN, Type.HUYEN, Type.THI_XA, Type.THANH_PHO);

  /** Words after {@code quận 9} that show the number counts something else ({@code 9 tháng}). */
  private static final Set<String> NOT_AFTER_NUMBER =
      Set.of(
          VnKey.of("tháng"),
          VnKey.of("năm"),
          VnKey.of("ngày"),
          VnKey.of("quý"),
          VnKey.of("tuần"),
          VnKey.of("phường"),
          VnKey.of("xã"),
          VnKey.of("huyện"),
          VnKey.of("quận"));

  /** Huế became a centrally-run city, a province, on 1 January 2025. */
  private static final LocalDate HUE_CITY = LocalDate.of(2025, 1, 1);

  /** Words before a bare place name that make it an address or birthplace: tại Mỹ Đức, Hà Nội. */
  private static final Set<String> AT = Set.of(VnKey.of("tại"), VnKey.of("ở"), VnKey.of("quê"));

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
  public record Result(
      List<District> districts, List<District> places, List<District> formerDistricts) {}

  /** One unit word followed by a name found in the gazetteer. */
  private record Mention(Set<Type> types, String key, boolean numbered, String province, int at) {}

  /** The last result per thread: {@link Extractor} asks for districts and places of one text. */
  private final ThreadLocal<Object[]> last = new ThreadLocal<>();

  /** Finds districts, places and former districts in one pass over the text. */
  public Result analyse(String text, PubDate date) {
    Object[] cached = last.get();
    if (cached != null && cached[0] == text && java.util.Objects.equals(cached[1], date)) {
      return (Result) cached[2];
    }
    Result r = compute(text, date);
    last.set(new Object[] {text, date, r});
    return r;
  }

  private Result compute(String text, PubDate date) {
    text = VnKey.nfc(text);
    Tokens t = Tokens.of(text);
    LocalDate day = date == null ? null : date.firstDay();
    boolean after = day != null && !day.isBefore(Gazetteer.REFORM);
    Set<String> context = provinces(t);
    List<Mention> mentions = mentions(t, context, day);

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
      Map<String, DistrictUnit> byCode = districtCandidates(m, day);
      DistrictUnit u = byWardBefore(m, byCode, mentions, day, ctx);
      if (u == null) {
        u = pick(byCode.values(), ctx);
      }
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
      // new units only for texts dated after the reform: an undated text is most likely older
      if (after) {
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
        continue;
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
    // wards add a district only before the reform and when all of them point to one district: a
    // text about one district names its wards (seed 003), while lists of wards across a province
    // (the 2025 resolutions) say nothing about which district is meant
    Map<String, DistrictUnit> chosen = new LinkedHashMap<>(named);
    if (!after && inferred.size() == 1) {
      chosen.putAll(inferred);
    }
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
    Map<String, DistrictUnit> byCode = candidates(m, day, m.province());
    // "huyện Gia Lâm, Hưng Yên" may be a list rather than an address: then the province is no help
    return byCode.isEmpty() && m.province() != null ? candidates(m, day, null) : byCode;
  }

  private Map<String, DistrictUnit> candidates(Mention m, LocalDate day, String province) {
    Map<String, DistrictUnit> byCode = new LinkedHashMap<>();
    for (DistrictUnit u : gazetteer.districts(m.key())) {
      if (!m.types().contains(u.type()) || (province != null && !province.equals(u.province()))) {
        continue;
      }
      // from 2025 "thành phố Huế" is the centrally-run city, a province
      if (u.type() == Type.THANH_PHO
          && u.bare().equals("Huế")
          && day != null
          && !day.isBefore(HUE_CITY)) {
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
    LocalDate from =
        u.from().isBefore(LocalDate.of(2019, 1, 1)) ? LocalDate.of(2019, 1, 1) : u.from();
    return u.to().toEpochDay() - from.toEpochDay();
  }

  /**
   * Settles a district named in brackets after a ward: {@code xã Thạnh Lộc (huyện Châu Thành)} is
   * the Châu Thành that has a xã Thạnh Lộc.
   */
  private DistrictUnit byWardBefore(
      Mention m,
      Map<String, DistrictUnit> byCode,
      List<Mention> mentions,
      LocalDate day,
      Set<String> ctx) {
    Mention ward = null;
    for (Mention w : mentions) {
      if (w.at() >= m.at()) {
        break;
      }
      if (!DISTRICT_TYPES.containsAll(w.types()) && m.at() - w.at() <= 8) {
        ward = w;
      }
    }
    if (ward == null) {
      return null;
    }
    Map<String, DistrictUnit> found = new LinkedHashMap<>();
    for (Ward w : wardCandidates(ward, day)) {
      DistrictUnit u = byCode.get(w.district().code());
      if (u != null) {
        found.put(u.code(), u);
      }
    }
    return found.size() == 1 ? found.values().iterator().next() : pick(found.values(), ctx);
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
    if (all.isEmpty()) {
      // communes become wards over the years and texts mix the words: "phường Vĩnh Lộc A" is a xã
      for (Ward w : gazetteer.wards(m.key())) {
        if (WARD_TYPES.contains(w.type())) {
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

  /**
   * Provinces named anywhere: capitalised names and aliases such as {@code Thủ đô}, {@code TP.HCM}.
   */
  private Set<String> provinces(Tokens t) {
    Set<String> found = new HashSet<>();
    for (int i = 0; i < t.size; i++) {
      if (!t.cap[i]) {
        continue;
      }
      if (t.key(i).equals(K_THU)
          && i + 1 < t.size
          && t.spaceBefore(i + 1)
          && t.key(i + 1).equals(K_DO)) {
        found.add("Hà Nội");
        continue;
      }
      int end = province(t, i);
      if (end > 0) {
        found.add(gazetteer.province(t.joinedKey(i, end)));
        i = end - 1;
      }
    }
    return found;
  }

  /** The end of the longest province name starting at {@code i}, or -1. */
  private int province(Tokens t, int i) {
    int hit = -1;
    StringBuilder key = new StringBuilder();
    for (int len = 1; len <= 4 && i + len <= t.size; len++) {
      int j = i + len - 1;
      if (len > 1) {
        if (!t.joins(j) || !t.cap[j]) {
          break;
        }
        key.append(' ');
      }
      key.append(t.key(j));
      String k = key.toString();
      if (!gazetteer.isPrefix(k)) {
        break;
      }
      if (gazetteer.province(k) != null) {
        hit = j + 1;
      }
    }
    return hit;
  }

  /** What a unit word at {@code i} announces, and where the name after it starts. */
  private record Trigger(Set<Type> types, int next) {}

  private static final Set<Type> QUAN = EnumSet.of(Type.QUAN);
  private static final Set<Type> HUYEN = EnumSet.of(Type.HUYEN);
  private static final Set<Type> THI_XA = EnumSet.of(Type.THI_XA);
  private static final Set<Type> THI_UY = EnumSet.of(Type.THI_XA, Type.THANH_PHO);
  private static final Set<Type> THANH_PHO = EnumSet.of(Type.THANH_PHO);
  private static final Set<Type> PHUONG = EnumSet.of(Type.PHUONG);
  private static final Set<Type> XA = EnumSet.of(Type.XA);
  private static final Set<Type> THI_TRAN = EnumSet.of(Type.THI_TRAN);
  private static final Set<Type> DAC_KHU = EnumSet.of(Type.DAC_KHU);

  private static Trigger trigger(Tokens t, int i) {
    int n = i + 1;
    boolean spaced = n < t.size && t.spaceBefore(n);
    boolean dotted = n < t.size && t.gap[n] == Tokens.GAP_DOT;
    // unit words have no tone-placement variants except "ủy": plain comparisons, no keys
    if (t.is(i, "quận")) {
      return new Trigger(QUAN, skipUy(t, n));
    }
    if (t.is(i, "huyện")) {
      return new Trigger(HUYEN, skipUy(t, n));
    }
    if (t.is(i, "phường")) {
      return new Trigger(PHUONG, n);
    }
    if (t.is(i, "xã")) {
      return new Trigger(XA, n);
    }
    if (t.is(i, "tp")) {
      return spaced || dotted ? new Trigger(THANH_PHO, n) : null;
    }
    if (!spaced && dotted) {
      // address abbreviations: Q.Hai Bà Trưng, P.Hà Tu, TX.Sơn Tây
      if (t.is(i, "q")) {
        return new Trigger(QUAN, n);
      }
      if (t.is(i, "p")) {
        return new Trigger(PHUONG, n);
      }
      return t.is(i, "tx") ? new Trigger(THI_XA, n) : null;
    }
    if (!spaced) {
      return null;
    }
    if (t.is(i, "thị")) {
      if (t.is(n, "xã")) {
        return new Trigger(THI_XA, n + 1);
      }
      if (t.is(n, "trấn")) {
        return new Trigger(THI_TRAN, n + 1);
      }
      if (t.isUy(n)) {
        return new Trigger(THI_UY, n + 1);
      }
    } else if (t.is(i, "thành")) {
      // thành phố Quy Nhơn, Thành ủy Quy Nhơn: a city under a province (provinces have no match)
      if (t.is(n, "phố") || t.isUy(n)) {
        return new Trigger(THANH_PHO, n + 1);
      }
    } else if (t.is(i, "đặc") && t.is(n, "khu")) {
      return new Trigger(DAC_KHU, n + 1);
    }
    return null;
  }

  /** Unit words followed by known names, with lists ({@code phường Ngã Tư Sở, Nam Đồng}). */
  private List<Mention> mentions(Tokens t, Set<String> context, LocalDate day) {
    boolean after = day != null && !day.isBefore(Gazetteer.REFORM);
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      if (t.cap[i] && (t.gap[i] == Tokens.GAP_COMMA || (i > 0 && AT.contains(t.key(i - 1))))) {
        int used = address(t, i, out);
        if (used >= 0) {
          i = used;
          continue;
        }
      }
      if (!t.mayTrigger(i)) {
        continue;
      }
      Trigger tr = trigger(t, i);
      if (tr == null) {
        continue;
      }
      int at = tr.next();
      if (at >= t.size || !(t.spaceBefore(at) || t.gap[at] == Tokens.GAP_DOT)) {
        continue;
      }
      boolean district = DISTRICT_TYPES.containsAll(tr.types());
      Set<Type> types = tr.types();
      boolean first = true;
      int skipped = 0;
      Mention lastWard = null;
      // a list goes on after commas and "và": phường Ngã Tư Sở, Nam Đồng và …; quận 2 và 9
      while (at < t.size) {
        int end = match(t, at, types, context, after);
        if (end < 0 && !first && !district) {
          // "phường Lý Thái Tổ, Hoàn Kiếm": a ward's address goes on with its district
          int dEnd = match(t, at, DISTRICT_TYPES, context, after);
          if (dEnd > 0 && lastWard != null && holds(t.joinedKey(at, dEnd), lastWard, day)) {
            out.add(new Mention(DISTRICT_TYPES, t.joinedKey(at, dEnd), false, null, at));
            at = dEnd;
            break;
          }
        }
        if (end < 0) {
          if (!t.cap[at] || t.num[at] || ++skipped > 2) {
            break;
          }
          // an item the gazetteer does not know (quận Từ Liêm, split in 2013): step over it
          end = at + 1;
          while (end < t.size && t.cap[end] && t.joins(end) && end - at < 4) {
            end++;
          }
        } else {
          Mention found =
              new Mention(types, t.joinedKey(at, end), t.num[at], provinceAfter(t, end), at);
          out.add(found);
          lastWard = district ? null : found;
        }
        first = false;
        // lists of districts mix types: các quận, huyện Hoàn Kiếm, Gia Lâm
        types = district ? DISTRICT_TYPES : types;
        if (end < t.size && t.gap[end] == Tokens.GAP_COMMA) {
          at = end;
        } else if (end + 1 < t.size && t.spaceBefore(end) && K_VA.equals(t.key(end))) {
          at = end + 1;
        } else {
          break;
        }
        // "huyện Đại Từ, Thái Nguyên": an address goes on with the province, not another unit
        if ((!t.cap[at] && !t.num[at]) || (district && province(t, at) >= 0)) {
          break;
        }
      }
      i = Math.max(i, at - 1);
    }
    return out;
  }

  /**
   * A bare district name in an address or birthplace, followed by its province: {@code tại Mỹ Đức,
   * Hà Nội}, {@code (chùa Đồng Kỵ, Từ Sơn, Bắc Ninh)}. Returns the last token index used, or -1.
   */
  private int address(Tokens t, int at, List<Mention> out) {
    int end = match(t, at, DISTRICT_TYPES, Set.of(), false);
    if (end < 0 || t.num[at] || end >= t.size || t.gap[end] != Tokens.GAP_COMMA || !t.cap[end]) {
      return -1;
    }
    int pEnd = province(t, end);
    if (pEnd < 0 || (pEnd < t.size && t.cap[pEnd] && t.joins(pEnd))) {
      return -1;
    }
    String province = gazetteer.province(t.joinedKey(end, pEnd));
    String key = t.joinedKey(at, end);
    // "tỉnh Quảng Ninh, Lạng Sơn, Hà Giang": a list of provinces, not a city and its province
    if (gazetteer.province(key) != null
        || gazetteer.districts(key).stream().noneMatch(u -> u.province().equals(province))) {
      return -1;
    }
    out.add(new Mention(DISTRICT_TYPES, t.joinedKey(at, end), false, province, at));
    return end - 1;
  }

  /** Whether a district of this name holds one of the wards the mention may mean. */
  private boolean holds(String districtKey, Mention ward, LocalDate day) {
    for (Ward w : wardCandidates(ward, day)) {
      if (VnKey.of(w.district().bare()).equals(districtKey)) {
        return true;
      }
    }
    return false;
  }

  /** {@code huyện Châu Thành, tỉnh Trà Vinh}: the province written right after a unit, or null. */
  private String provinceAfter(Tokens t, int end) {
    if (end >= t.size || t.gap[end] != Tokens.GAP_COMMA) {
      return null;
    }
    int at = end;
    String k = t.key(at);
    if (k.equals(K_TINH) || k.equals(K_TP)) {
      at++;
    } else if (k.equals(K_THANH) && at + 1 < t.size && t.key(at + 1).equals(K_PHO)) {
      at += 2;
    }
    if (at >= t.size
        || !t.cap[at]
        || (at > end && !t.spaceBefore(at) && t.gap[at] != Tokens.GAP_DOT)) {
      return null;
    }
    int pEnd = province(t, at);
    return pEnd < 0 ? null : gazetteer.province(t.joinedKey(at, pEnd));
  }

  private static int skipUy(Tokens t, int next) {
    return next < t.size && t.spaceBefore(next) && t.isUy(next) ? next + 1 : next;
  }

  /** The end (exclusive) of the longest known name starting at {@code at}, or -1. */
  private int match(Tokens t, int at, Set<Type> types, Set<String> context, boolean after) {
    if (t.num[at]) {
      // numbered units: only HCMC districts, and not "quận 9 tháng đầu năm"
      if (!types.contains(Type.QUAN) || !context.contains("Hồ Chí Minh")) {
        return -1;
      }
      int next = at + 1;
      if (next < t.size
          && (t.gap[next] == Tokens.GAP_DOT
              || t.num[next]
              || NOT_AFTER_NUMBER.contains(t.key(next)))) {
        return -1;
      }
      for (DistrictUnit u : gazetteer.districts(t.key(at))) {
        if (u.type() == Type.QUAN) {
          return at + 1;
        }
      }
      return -1;
    }
    if (!t.cap[at]) {
      return -1;
    }
    int best = -1;
    StringBuilder key = new StringBuilder();
    for (int end = at; end < t.size && end - at < gazetteer.maxNameWords(); end++) {
      if (end > at) {
        if (!t.cap[end] || t.num[end] || !t.joins(end)) {
          break;
        }
        key.append(' ');
      }
      key.append(t.key(end));
      String k = key.toString();
      if (!gazetteer.isPrefix(k)) {
        break;
      }
      if (known(k, types, after) && !(end == at && isWardNumeral(k, types))) {
        best = end + 1;
      }
    }
    return best;
  }

  /** Wards named by a Roman numeral or one letter (phường V of Vị Thanh) are too easily misread. */
  private static boolean isWardNumeral(String key, Set<Type> types) {
    return !DISTRICT_TYPES.containsAll(types) && (key.length() == 1 || key.matches("[ivx]+"));
  }

  private boolean known(String key, Set<Type> types, boolean after) {
    for (Type type : types) {
      if (DISTRICT_TYPES.contains(type)) {
        for (DistrictUnit u : gazetteer.districts(key)) {
          if (u.type() == type) {
            return true;
          }
        }
      } else {
        for (Ward w : gazetteer.wards(key)) {
          if (w.type() == type || WARD_TYPES.contains(type)) {
            return true;
          }
        }
        for (NewUnit n : after ? gazetteer.newUnits(key) : List.<NewUnit>of()) {
          if (n.type() == type) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The words of a text with what separates them, in parallel arrays; keys made on demand. */
  static final class Tokens {
    static final byte GAP_SPACE = 0;
    static final byte GAP_HYPHEN = 1;
    static final byte GAP_COMMA = 2;
    static final byte GAP_DOT = 3;
    static final byte GAP_OTHER = 4;

    private final String text;
    int size;
    int[] start;
    int[] end;
    private String[] keys;
    boolean[] cap;
    boolean[] num;

    /** What stands between the previous word and this one. */
    byte[] gap;

    private Tokens(String text) {
      this.text = text;
      int n = Math.max(16, text.length() / 4);
      start = new int[n];
      end = new int[n];
      keys = new String[n];
      cap = new boolean[n];
      num = new boolean[n];
      gap = new byte[n];
    }

    static Tokens of(String s) {
      Tokens t = new Tokens(s);
      int i = 0;
      int n = s.length();
      int gapFrom = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (!VnKey.isWordChar(c)) {
          i++;
          continue;
        }
        int from = i;
        boolean digits = true;
        while (i < n && VnKey.isWordChar(s.charAt(i))) {
          digits &= s.charAt(i) <= '9' && s.charAt(i) >= '0';
          i++;
        }
        t.add(
            from,
            i,
            Character.isUpperCase(c),
            digits,
            t.size == 0 ? GAP_OTHER : gapKind(s, gapFrom, from));
        gapFrom = i;
      }
      return t;
    }

    /** Classifies the characters between two words. */
    private static byte gapKind(String s, int from, int to) {
      if (to - from == 1 && s.charAt(from) == ' ') {
        return GAP_SPACE;
      }
      int newlines = 0;
      int commas = 0;
      int hyphens = 0;
      int dots = 0;
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        switch (c) {
          case ' ', '\t', '\u200b' -> {}
          case '\n' -> newlines++;
          case ',', ';' -> commas++;
          case '-', '–' -> hyphens++;
          case '.' -> dots++;
          default -> {
            return GAP_OTHER;
          }
        }
      }
      if (commas > 0) {
        return dots == 0 && hyphens == 0 ? GAP_COMMA : GAP_OTHER;
      }
      if (dots > 0) {
        // "Q.Hai Bà Trưng", "TP. Hạ Long": a dot right after the word, no line break
        return dots == 1 && hyphens == 0 && newlines == 0 && s.charAt(from) == '.'
            ? GAP_DOT
            : GAP_OTHER;
      }
      if (hyphens > 0) {
        return hyphens == 1 && newlines == 0 ? GAP_HYPHEN : GAP_OTHER;
      }
      // line breaks inside a name are wrapped lines ("huyện Hoàng\nSa"); the raw-text parser may
      // have made each wrapped line a paragraph, so blank lines are no stronger a break
      return GAP_SPACE;
    }

    private void add(int from, int to, boolean upper, boolean digits, byte g) {
      if (size == start.length) {
        int m = size * 2;
        start = java.util.Arrays.copyOf(start, m);
        end = java.util.Arrays.copyOf(end, m);
        keys = java.util.Arrays.copyOf(keys, m);
        cap = java.util.Arrays.copyOf(cap, m);
        num = java.util.Arrays.copyOf(num, m);
        gap = java.util.Arrays.copyOf(gap, m);
      }
      start[size] = from;
      end[size] = to;
      cap[size] = upper;
      num[size] = digits;
      gap[size] = g;
      size++;
    }

    /** Whether word {@code i} is {@code lower} in any case (for words with one tone spelling). */
    boolean is(int i, String lower) {
      int from = start[i];
      int len = end[i] - from;
      if (len != lower.length()) {
        return false;
      }
      for (int k = 0; k < len; k++) {
        char c = text.charAt(from + k);
        if (c != lower.charAt(k) && Character.toLowerCase(c) != lower.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    /** {@code ủy} or {@code uỷ}, the one unit word with two tone placements. */
    boolean isUy(int i) {
      return is(i, "ủy") || is(i, "uỷ");
    }

    String key(int i) {
      String k = keys[i];
      if (k == null) {
        k = VnKey.word(text, start[i], end[i]);
        keys[i] = k;
      }
      return k;
    }

    /** Cheap pre-check: unit words start with q, h, t, p, x or đ and are short. */
    boolean mayTrigger(int i) {
      int len = end[i] - start[i];
      if (len > 6) {
        return false;
      }
      char c = Character.toLowerCase(text.charAt(start[i]));
      return c == 'q' || c == 'h' || c == 't' || c == 'p' || c == 'x' || c == 'đ';
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
        return key(from);
      }
      StringBuilder sb = new StringBuilder();
      for (int i = from; i < to; i++) {
        if (i > from) {
          sb.append(' ');
        }
        sb.append(key(i));
      }
      return sb.toString();
    }
  }
}
