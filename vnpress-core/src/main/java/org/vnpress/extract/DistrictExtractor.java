package org.vnpress.extract;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.vnpress.extract.UnitMentions.Mention;

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

  private static final Set<Type> WARD_TYPES = UnitMentions.WARD_TYPES;

  private static final Set<Type> DISTRICT_TYPES = UnitMentions.DISTRICT_TYPES;

  /** Huế became a centrally-run city, a province, on 1 January 2025. */
  private static final LocalDate HUE_CITY = LocalDate.of(2025, 1, 1);

  private final Gazetteer gazetteer;
  private final UnitMentions finder;

  DistrictExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.finder = new UnitMentions(gazetteer);
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
    Set<String> context = finder.provinces(t);
    List<Mention> mentions = finder.mentions(t, context, day);
    if (day == null && newOrder(mentions, text)) {
      // an undated text that names units only the 2025 reform created is from after it
      after = true;
    }
    mentions = confirmedNumbered(mentions, context, day);

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
      List<Ward> ws = gazetteer.wards(m.key(), m.types(), day);
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

  /**
   * Whether the text names a unit that only exists since the 2025 reform: a special zone, or a ward
   * or commune no older unit of that type was called.
   */
  private static boolean newOrder(List<Mention> mentions, String text) {
    Set<String> fresh = new HashSet<>();
    for (Mention m : mentions) {
      if (m.types().contains(Type.DAC_KHU)) {
        return true;
      }
      if (m.newOnly()) {
        fresh.add(m.key());
      }
    }
    // one new name alone may be an old unit the gazetteer (2019 on) does not know: a second one,
    // or words of the reform, make the date sure
    return fresh.size() >= 2 || (fresh.size() == 1 && REFORM_WORDS.matcher(text).find());
  }

  /** Words of texts written after the 2025 reform: old units marked as former, the new term. */
  private static final java.util.regex.Pattern REFORM_WORDS =
      java.util.regex.Pattern.compile(
          "\\(cũ\\)|\\bcũ\\)|sau sắp xếp|sau sáp nhập|sau hợp nhất|2025\\s*[-–]\\s*2030|chính quyền địa phương"
              + " hai cấp|chính quyền địa phương 2 cấp",
          java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);

  /**
   * Drops weak numbered districts ({@code quận 11} where neither the city nor the sentence shows a
   * place) unless the wards the text names are all in Hồ Chí Minh City.
   */
  private List<Mention> confirmedNumbered(
      List<Mention> mentions, Set<String> context, LocalDate day) {
    if (mentions.stream().noneMatch(Mention::weak)) {
      return mentions;
    }
    boolean city = false;
    boolean elsewhere = false;
    for (Mention m : mentions) {
      if (DISTRICT_TYPES.containsAll(m.types())) {
        continue;
      }
      Set<String> provinces = new HashSet<>();
      for (Ward w : gazetteer.wards(m.key(), m.types(), day)) {
        provinces.add(w.district().province());
      }
      if (provinces.size() == 1) {
        city |= provinces.contains("Hồ Chí Minh");
        elsewhere |= !provinces.contains("Hồ Chí Minh");
      }
    }
    boolean keep = city && !elsewhere;
    return keep ? mentions : mentions.stream().filter(m -> !m.weak()).toList();
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
    for (Ward w : gazetteer.wards(ward.key(), ward.types(), day)) {
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
}
