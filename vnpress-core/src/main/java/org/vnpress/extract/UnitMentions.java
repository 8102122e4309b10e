package org.vnpress.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vnpress.extract.Gazetteer.DistrictUnit;
import org.vnpress.extract.Gazetteer.NewUnit;
import org.vnpress.extract.Gazetteer.Type;
import org.vnpress.extract.Gazetteer.Ward;

/**
 * Finds the places a text names, before any of them is resolved: a unit word and a capitalised name
 * the gazetteer knows ({@code quận Hai Bà Trưng}, {@code Quận ủy Hoàng Mai}, {@code phường Ngã Tư
 * Sở, Nam Đồng}), bare district names in addresses ({@code tại Mỹ Đức, Hà Nội}), and the provinces
 * a text names anywhere ({@code Thủ đô}, {@code TP.HCM}). Names of people ({@link PersonNames}) are
 * never places. {@link DistrictExtractor} then decides which unit each mention means.
 */
final class UnitMentions {

  private static final String K_THANH = VnKey.of("thành");
  private static final String K_PHO = VnKey.of("phố");
  private static final String K_TP = VnKey.of("tp");
  private static final String K_VA = VnKey.of("và");
  private static final String K_THU = VnKey.of("thủ");
  private static final String K_TINH = VnKey.of("tỉnh");
  private static final String K_DO = VnKey.of("đô");

  static final Set<Type> WARD_TYPES = EnumSet.of(Type.PHUONG, Type.XA, Type.THI_TRAN);

  static final Set<Type> DISTRICT_TYPES =
      EnumSet.of(Type.QUAN, Type.HUYEN, Type.THI_XA, Type.THANH_PHO);

  private final Gazetteer gazetteer;
  private final PersonNames people;

  UnitMentions(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    this.people = new PersonNames(gazetteer);
  }

  /** Words after {@code quận 9} that show the number counts something else ({@code 9 tháng}). */
  private static final Set<String> NOT_AFTER_NUMBER =
      keys(
          "tháng", "năm", "ngày", "quý", "tuần", "phường", "xã", "huyện", "quận", "lần", "người",
          "hộ", "đợt", "lượt", "tấn", "km", "ha", "tỷ", "triệu", "nghìn", "ngàn", "giờ", "phút",
          "em", "ca", "căn", "lô", "tầng", "vòng", "bàn", "hạng", "loại", "mức", "khóa", "khoá");

  /**
   * Words after {@code quận 11} that show it is a place even where the city is not named: the
   * sentence goes on about it ({@code quận 11 đã}, {@code quận 3 và}).
   */
  private static final Set<String> PLACE_AFTER_NUMBER =
      keys(
          "và", "đã", "đang", "sẽ", "vừa", "có", "là", "được", "với", "tại", "cho", "trong", "của",
          "về", "cũng", "này", "đó", "luôn", "vẫn", "không", "nên", "thì", "mà", "khi", "để",
          "nhằm", "tổ chức", "thực", "triển", "ban", "họp", "kiểm", "phối", "tiếp", "chủ");

  /** Organ words right before {@code quận 11}: {@code Quận ủy quận 11}, {@code UBND quận 3}. */
  private static final Set<String> ORGAN_BEFORE_NUMBER =
      keys(
          "ủy", "uỷ", "ubnd", "hđnd", "bộ", "an", "tand", "vksnd", "mttq", "ubmttq", "đoàn", "hội");

  private static final String HCM = "Hồ Chí Minh";

  private static Set<String> keys(String... words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(VnKey.of(w));
    }
    return out;
  }

  /** Words before a bare place name that make it an address or birthplace: tại Mỹ Đức, Hà Nội. */
  private static final Set<String> AT = Set.of(VnKey.of("tại"), VnKey.of("ở"), VnKey.of("quê"));

  /** One unit word followed by a name found in the gazetteer. */
  /**
   * One unit word (or address) and a name the gazetteer knows.
   *
   * @param weak a numbered district ({@code quận 11}) in a text that does not name the city and
   *     whose sentence does not show it is a place: kept only if the wards named place the text in
   *     Hồ Chí Minh City
   * @param newOnly in an undated text, a ward or commune name only the 2025 reform created: a sign
   *     that the text is from after it
   */
  record Mention(
      Set<Type> types,
      String key,
      boolean numbered,
      String province,
      int at,
      boolean weak,
      boolean newOnly) {}

  /**
   * Provinces named anywhere: capitalised names and aliases such as {@code Thủ đô}, {@code TP.HCM}.
   */
  Set<String> provinces(Tokens t) {
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
        // "Chánh án Nguyễn Hoà Bình" names a person, not the province Hòa Bình
        if (!people.covers(t, i)) {
          found.add(gazetteer.province(t.joinedKey(i, end)));
        }
        i = end - 1;
      }
    }
    return found;
  }

  /** The end of the longest province name starting at {@code i}, or -1. */
  int province(Tokens t, int i) {
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
  List<Mention> mentions(Tokens t, Set<String> context, LocalDate day) {
    boolean after = day != null && !day.isBefore(Gazetteer.REFORM);
    List<Mention> out = new ArrayList<>();
    for (int i = 0; i < t.size; i++) {
      if (t.cap[i] && (t.gap[i] == Tokens.GAP_COMMA || (i > 0 && AT.contains(t.key(i - 1))))) {
        int used = address(t, i, out);
        if (used >= 0 && people.covers(t, i)) {
          // "ông Nguyễn Hòa Bình, Hà Nội" names a person, not a district
          out.remove(out.size() - 1);
        } else if (used >= 0) {
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
        if (!first && trigger(t, at) != null) {
          break; // "phường Chánh Lộ, TP Quảng Ngãi": the address goes on with its own unit word
        }
        if (!first && !district && lastWard != null) {
          // "phường Lý Thái Tổ, Hoàn Kiếm", "thị trấn Tân Minh, Hàm Tân": a ward's address goes on
          // with its district, even where a ward elsewhere has the district's name
          int dEnd = match(t, at, DISTRICT_TYPES, context, after);
          int wEnd = match(t, at, types, context, after);
          if (dEnd > 0
              && holds(t.joinedKey(at, dEnd), lastWard, day)
              && (wEnd < 0 || !sameProvince(t.joinedKey(at, wEnd), lastWard, day, after))) {
            out.add(
                new Mention(DISTRICT_TYPES, t.joinedKey(at, dEnd), false, null, at, false, false));
            at = dEnd;
            break;
          }
        }
        int end = match(t, at, types, context, after);
        boolean newOnly = false;
        if (first && day == null && !district) {
          // an undated text may be from after the reform: a ward word followed by a name only
          // the reform created (in the provinces the text names) tells the resolver so
          int nEnd = match(t, at, types, context, true);
          newOnly =
              nEnd > 0
                  && nEnd >= end
                  && !(nEnd < t.size && t.num[nEnd]) // "phường Đông Hải 1" is the old ward
                  && onlyNew(t.joinedKey(at, nEnd), types, context);
          if (newOnly && end < 0) {
            out.add(new Mention(types, t.joinedKey(at, nEnd), false, null, at, false, true));
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
          boolean weak = t.num[at] && !context.contains(HCM) && !placeByItself(t, at);
          Mention found =
              new Mention(
                  types, t.joinedKey(at, end), t.num[at], provinceAfter(t, end), at, weak, newOnly);
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
    out.add(new Mention(DISTRICT_TYPES, t.joinedKey(at, end), false, province, at, false, false));
    return end - 1;
  }

  /**
   * Whether {@code quận 11} at {@code at} reads as a place by itself: the sentence ends or goes on
   * about it ({@code quận 11.}, {@code quận 11 đã}, {@code quận 3 và 5}), or an organ of the
   * district stands before it ({@code Quận ủy quận 11}, {@code UBND quận 3}), or it is written
   * {@code Quận 3} inside a sentence.
   */
  private static boolean placeByItself(Tokens t, int at) {
    int next = at + 1;
    if (next >= t.size
        || !t.joins(next)
        || t.cap[next]
        || PLACE_AFTER_NUMBER.contains(t.key(next))) {
      return true;
    }
    int unit = at - 1;
    if (unit >= 0 && t.is(unit, "quận")) {
      if (unit >= 1 && ORGAN_BEFORE_NUMBER.contains(t.key(unit - 1)) && t.spaceBefore(unit)) {
        return true;
      }
      return t.cap[unit] && unit > 0 && t.gap[unit] == Tokens.GAP_SPACE;
    }
    return false;
  }

  /**
   * Whether a ward or commune name means a unit of the 2025 reform and no older one: no old ward
   * was so called, or none in the provinces the text names while a new unit there is.
   */
  private boolean onlyNew(String key, Set<Type> types, Set<String> context) {
    List<Ward> olds = gazetteer.wards(key);
    Set<String> oldCodes = new HashSet<>();
    for (Ward w : olds) {
      oldCodes.add(w.code());
    }
    for (NewUnit n : gazetteer.newUnits(key)) {
      if (!types.contains(n.type())) {
        continue;
      }
      // a new unit formed from an old ward of the same name continues it (phường Lái Thiêu, now
      // in Hồ Chí Minh City): only a name the reform gave a new unit tells the date
      boolean continues = false;
      for (String code : n.oldWards()) {
        continues |= oldCodes.contains(code);
      }
      if (!continues && (olds.isEmpty() || context.contains(n.province()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a ward of this name may be in the province of the ward named before it. */
  private boolean sameProvince(String key, Mention before, LocalDate day, boolean after) {
    Set<String> provinces = new HashSet<>();
    for (Ward w : gazetteer.wards(before.key(), before.types(), day)) {
      provinces.add(w.district().province());
    }
    for (Ward w : gazetteer.wards(key, before.types(), day)) {
      if (provinces.contains(w.district().province())) {
        return true;
      }
    }
    if (after) {
      for (NewUnit n : gazetteer.newUnits(key)) {
        if (before.types().contains(n.type())) {
          return true; // the 2025 lists: new wards named like old districts
        }
      }
    }
    return false;
  }

  /** Whether a district of this name holds one of the wards the mention may mean. */
  private boolean holds(String districtKey, Mention ward, LocalDate day) {
    for (Ward w : gazetteer.wards(ward.key(), ward.types(), day)) {
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
      // numbered units: only HCMC districts, and not "quận 9 tháng đầu năm"; without the city
      // named they are kept as weak mentions, which the wards named or the sentence may confirm
      if (!types.contains(Type.QUAN)) {
        return -1;
      }
      int next = at + 1;
      if (next < t.size
          && (t.gap[next] == Tokens.GAP_DOT
              || t.num[next]
              || (t.spaceBefore(next) && NOT_AFTER_NUMBER.contains(t.key(next))))) {
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
}
