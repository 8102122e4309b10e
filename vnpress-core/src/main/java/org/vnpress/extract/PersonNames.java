package org.vnpress.extract;

import java.util.HashSet;
import java.util.Set;

/**
 * Finds the words of a text that belong to people's names, so that a name is never read as a place
 * ({@code Chánh án Nguyễn Hoà Bình} is not the province Hòa Bình, {@code ông Hoàng Sơn Trà} not the
 * district Sơn Trà).
 *
 * <ul>
 *   <li>After a title or form of address ({@code đồng chí}, {@code ông}, {@code bà}, {@code Chánh
 *       án}, {@code Bí thư}, {@code Chủ tịch}, {@code Thượng tướng}, {@code PGS.TS}…), the run of
 *       capitalised words that follows is a name, unless it starts with an organ or unit word
 *       ({@code Bí thư Thành ủy Quy Nhơn}, {@code Chủ tịch UBND quận}).
 *   <li>Without a title, a run of three or four capitalised words that starts with a common surname
 *       ({@code Nguyễn}, {@code Trần}, {@code Hoàng}…) is a name, and so is a run of two that
 *       starts with a surname no place name starts with ({@code Nguyễn Du}); unless a unit, street
 *       or building word stands before it ({@code phường Nguyễn Du}, {@code đường Trần Phú}), or
 *       the run is itself a place name ({@code Hồ Chí Minh} with no title).
 * </ul>
 *
 * <p>It marks words only; what a name is used for (people, meetings, citations) is left to later
 * extractors.
 */
final class PersonNames {

  /**
   * Military and police ranks, lower case, as written in either tone placement: titles of their
   * own, never with a unit (the people finder reads them too).
   */
  static final Set<String> RANKS =
      Set.of(
          "đại tướng",
          "thượng tướng",
          "trung tướng",
          "thiếu tướng",
          "đại tá",
          "thượng tá",
          "trung tá",
          "thiếu tá",
          "đại úy",
          "thượng úy",
          "trung úy",
          "thiếu úy",
          "đại uý",
          "thượng uý",
          "trung uý",
          "thiếu uý");

  /** Titles and forms of address (the ranks among them), lower case, up to three words. */
  private static final Set<String> TITLES =
      withRanks(
          "đồng chí",
          "đ c",
          "đc",
          "ông",
          "bà",
          "anh",
          "chị",
          "cụ",
          "em",
          "cháu",
          "chú",
          "cô",
          "bác",
          "thầy",
          "chánh án",
          "phó chánh án",
          "bí thư",
          "phó bí thư",
          "tổng bí thư",
          "chủ tịch",
          "phó chủ tịch",
          "chủ tịch nước",
          "phó chủ tịch nước",
          "thủ tướng",
          "phó thủ tướng",
          "bộ trưởng",
          "thứ trưởng",
          "giám đốc",
          "phó giám đốc",
          "tổng giám đốc",
          "phó tổng giám đốc",
          "chủ nhiệm",
          "phó chủ nhiệm",
          "trưởng ban",
          "phó trưởng ban",
          "trưởng phòng",
          "phó trưởng phòng",
          "viện trưởng",
          "phó viện trưởng",
          "chánh văn phòng",
          "chánh thanh tra",
          "tổng thư ký",
          "thư ký",
          "giáo sư",
          "phó giáo sư",
          "gs",
          "pgs",
          "ts",
          "ths",
          "bs",
          "ls",
          "tiến sĩ",
          "thạc sĩ",
          "bác sĩ",
          "luật sư",
          "nhà báo",
          "nhà văn",
          "nhà thơ",
          "nghệ sĩ",
          "nhạc sĩ",
          "họa sĩ",
          "hoạ sĩ",
          "đại biểu",
          "thẩm phán",
          "kiểm sát viên",
          "điều tra viên",
          "hiệu trưởng",
          "trưởng đoàn",
          "trưởng công an",
          "phó trưởng công an",
          "chủ tịch ubnd",
          "trưởng thôn",
          "trưởng ấp",
          "tổ trưởng",
          "người phát ngôn",
          "đại sứ",
          "liệt sĩ",
          "mẹ",
          "bố",
          "anh hùng",
          "tư tưởng",
          "lăng",
          "di chúc",
          "tấm gương",
          "mang tên",
          "cộng sản",
          "nhân dân");

  /** The last word of every title: a cheap first test. */
  private static final Set<String> TITLE_LAST_WORDS = lastWords(TITLES);

  private static Set<String> lastWords(Set<String> phrases) {
    Set<String> out = new HashSet<>();
    for (String p : phrases) {
      out.add(p.substring(p.lastIndexOf(' ') + 1));
    }
    return out;
  }

  /** Words that start an organ or a unit, not a name: a title followed by them names an office. */
  private static final Set<String> ORGAN_STARTS =
      keys(
          "quận", "huyện", "thành", "tỉnh", "thị", "xã", "phường", "ủy", "uỷ", "ubnd", "hđnd",
          "đảng", "ban", "bộ", "sở", "phòng", "văn", "tòa", "toà", "viện", "hội", "mặt", "công",
          "trung", "cục", "tổng", "chi", "đoàn", "nhà", "trường", "bệnh", "báo", "đài", "ngân",
          "tập", "liên", "học", "hợp", "quốc", "chính", "thường", "tand", "vksnd", "mttq", "hđqt",
          "tp", "ubmttq", "đặc", "khu", "cơ", "tổ", "vụ", "ủy ban", "đại", "thủ", "nước");

  /** Common surnames. */
  private static final Set<String> SURNAMES =
      keys(
          "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
          "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "mai",
          "đinh", "hà", "lương", "lưu", "tạ", "cao", "chu", "kiều", "tô", "triệu", "thái", "quách",
          "thân", "phùng", "từ", "lại", "nông", "hứa", "ninh", "tăng", "giang", "khổng", "bạch",
          "hầu", "tôn", "châu", "mạc", "lò", "lục", "đàm", "diệp", "doãn", "khúc", "nghiêm", "ông",
          "quan", "thạch", "tống", "viên", "vi", "lã", "lạc", "văn", "đồng");

  /** Words before a capitalised run that make it a place or a building named after a person. */
  private static final Set<String> NAMED_AFTER =
      keys(
          "phường",
          "xã",
          "quận",
          "huyện",
          "thị trấn",
          "đường",
          "phố",
          "ngõ",
          "ngách",
          "hẻm",
          "trường",
          "chùa",
          "đền",
          "đình",
          "cầu",
          "khu",
          "tổ",
          "ấp",
          "thôn",
          "bản",
          "làng",
          "sân",
          "bến",
          "chợ",
          "công viên",
          "quảng trường",
          "tượng",
          "bảo tàng",
          "giải",
          "cúp",
          "tỉnh",
          "thành phố",
          "tp",
          "q",
          "p",
          "số",
          "đại lộ",
          "tuyến",
          "nút",
          "vòng xoay",
          "bùng binh",
          "nhà",
          "hội trường",
          "rạp",
          "đảo",
          "núi",
          "sông",
          "hồ",
          "đồi",
          "đèo",
          "trại",
          "khóa",
          "lớp",
          "thpt",
          "thcs",
          "trung tâm",
          "bệnh viện",
          "học viện",
          "đại học",
          "tàu",
          "mang");

  private final Gazetteer gazetteer;

  PersonNames(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  private static Set<String> withRanks(String... words) {
    Set<String> out = keys(words);
    out.addAll(keys(RANKS.toArray(String[]::new)));
    return out;
  }

  private static Set<String> keys(String... words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(VnKey.of(w));
    }
    return out;
  }

  /** Which words of the text are parts of people's names. */
  boolean[] mark(Tokens t) {
    boolean[] person = new boolean[t.size];
    for (int i = 0; i < t.size; i++) {
      if (!t.cap[i] || t.num[i] || (i > 0 && t.cap[i - 1] && t.joins(i))) {
        continue; // a run starts here only
      }
      int end = runEnd(t, i);
      int from = personFrom(t, i, end);
      if (from >= 0) {
        fill(person, from, end);
      }
      i = end - 1;
    }
    return person;
  }

  /**
   * Whether word {@code i} belongs to a person's name: the decision of {@link #mark} for one word,
   * for callers that ask about a few words (place names found) rather than the whole text.
   */
  boolean covers(Tokens t, int i) {
    if (!t.cap[i] || t.num[i]) {
      return false;
    }
    int s = i;
    while (s > 0
        && t.cap[s - 1]
        && !t.num[s - 1]
        && t.spaceBefore(s)
        && !UNIT_WORDS.contains(t.key(s))) {
      s--;
    }
    int end = runEnd(t, s);
    if (i >= end) {
      return false;
    }
    int from = personFrom(t, s, end);
    return from >= 0 && i >= from;
  }

  /** Where a name starts in the run of capitalised words {@code [i, end)}, or -1. */
  private int personFrom(Tokens t, int i, int end) {
    if (titled(t, i)) {
      return !ORGAN_STARTS.contains(t.key(i)) && !isAcronym(t, i) && end - i <= 4 ? i : -1;
    }
    // a name inside a longer run: "Cầu Giấy Nguyễn Văn A" after a unit word
    for (int s = i; s < end; s++) {
      int n = end - s;
      if (n >= 2 && n <= 4 && SURNAMES.contains(t.key(s)) && isName(t, s, end)) {
        return s;
      }
    }
    return -1;
  }

  /** Whether the run from a surname at {@code s} to {@code end} reads as a name, not a place. */
  private boolean isName(Tokens t, int s, int end) {
    int prev = s - 1;
    if (prev >= 0 && !t.cap[prev] && (NAMED_AFTER.contains(t.key(prev)) || namedAfterTwo(t, s))) {
      return false;
    }
    String key = t.joinedKey(s, end);
    if (gazetteer.province(key) != null || !gazetteer.districts(key).isEmpty()) {
      return false; // Hồ Chí Minh, Hoàng Mai with no title: the place
    }
    if (end - s >= 3) {
      return true;
    }
    // two words: only surnames that start no place name (Nguyễn Du, not Hà Nam or Lê Chân)
    return !gazetteer.isPrefix(t.key(s)) && gazetteer.wards(key).isEmpty();
  }

  private static boolean namedAfterTwo(Tokens t, int s) {
    return s >= 2
        && !t.cap[s - 2]
        && NAMED_AFTER.contains(t.key(s - 2) + " " + t.key(s - 1))
        && t.spaceBefore(s - 1);
  }

  /** Whether a title or form of address stands right before word {@code i}. */
  private static boolean titled(Tokens t, int i) {
    if (i == 0 || !t.spaceBefore(i) || !TITLE_LAST_WORDS.contains(t.key(i - 1))) {
      return false; // most words follow no title: one set look-up, no phrase built
    }
    StringBuilder k = new StringBuilder();
    for (int n = 1; n <= 3 && i - n >= 0; n++) {
      int w = i - n;
      // the title and the name are one phrase: spaces between, or the slash of "đ/c"
      if (!(t.spaceBefore(w + 1) || (n > 1 && t.gap[w + 1] == Tokens.GAP_OTHER))) {
        return false;
      }
      k.insert(0, n == 1 ? t.key(w) : t.key(w) + " ");
      if (TITLES.contains(k.toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The end (exclusive) of the run of capitalised words joined by spaces from {@code i}; a unit
   * word ({@code Huyện}, {@code Thị xã}, {@code TP}) ends it, since no name goes on with one.
   */
  private static int runEnd(Tokens t, int i) {
    int end = i + 1;
    while (end < t.size
        && t.cap[end]
        && !t.num[end]
        && t.spaceBefore(end)
        && end - i < 6
        && !UNIT_WORDS.contains(t.key(end))) {
      end++;
    }
    return end;
  }

  private static final Set<String> UNIT_WORDS =
      keys("quận", "huyện", "thị", "thành", "tỉnh", "phường", "xã", "tp", "tx", "đặc", "thủ");

  private static boolean isAcronym(Tokens t, int i) {
    return t.end[i] - t.start[i] >= 2 && t.isAllCaps(i);
  }

  private static void fill(boolean[] person, int from, int to) {
    for (int k = from; k < to; k++) {
      person[k] = true;
    }
  }
}
