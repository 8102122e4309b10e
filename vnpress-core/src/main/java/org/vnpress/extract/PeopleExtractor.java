package org.vnpress.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the officials a release names with their posts and units ({@code đồng chí Nguyễn Văn Dũng -
 * Chánh Văn phòng Quận ủy}, {@code Bí thư Tỉnh ủy Yên Bái Phạm Thị Thanh Trà}).
 *
 * <p>A person is never a bare capitalised word sequence. A name counts only:
 *
 * <ul>
 *   <li>after {@code đồng chí}, {@code ông} or {@code bà} (lower case, or capitalised at the start
 *       of a sentence): two to five capitalised syllables, cut before a post that follows directly
 *       ({@code Bùi Hoàng Phan Phó Bí thư Thường trực});
 *   <li>after a post ({@code Tổng Bí thư}, {@code Chủ tịch UBND tỉnh Bạc Liêu}, {@code Trung tá}):
 *       two to four syllables starting with a common surname, a leading place name skipped ({@code
 *       Hà Nội Nguyễn Đức Chung}); a place name alone is no one ({@code Chủ tịch UBND TP Hà Nội});
 *   <li>before a post, after a comma, dash or bracket ({@code Lâm Hải Giang, Giám đốc Sở Nội vụ}):
 *       surname first, not a place, not after a street or unit word ({@code đường Lê Lợi});
 *   <li>in a list introduced as people ({@code các đồng chí: A – Bí thư Tỉnh ủy, B – …}, {@code ông
 *       A và B}).
 * </ul>
 *
 * <p>Posts: a title from a closed list, then the words of its department and unit; several posts
 * joined by commas, {@code -} or {@code kiêm} belong to one person. The unit starts at the first
 * organ word ({@code Quận ủy}, {@code UBND}, {@code Sở}, {@code Trung ương}…); a bare {@code Quận
 * ủy}, {@code Huyện ủy}, {@code UBND quận} is completed with the release's one district, a bare
 * {@code Thành ủy} or {@code Tỉnh ủy} with its province. {@code nguyên} and {@code cựu} mark a
 * former post; {@code tân} (newly appointed) is dropped.
 */
public final class PeopleExtractor {

  /** Titles, lower case, with the form shown; "phó" forms are added for those that have one. */
  private static final Map<String, String> TITLES = new HashMap<>();

  /** The first words of the titles: most words start none, and are passed over at once. */
  private static final Set<String> TITLE_STARTS = new HashSet<>();

  /** Titles whose following capitalised words name the ministry: {@code Thứ trưởng Xây dựng}. */
  private static final Set<String> MINISTERIAL =
      Set.of("bộ trưởng", "thứ trưởng", "cục trưởng", "tổng cục trưởng", "vụ trưởng");

  /** Military and police ranks: a post of their own, never with a unit. */
  private static final Set<String> RANKS = PersonNames.RANKS;

  private static final int MAX_TITLE_WORDS = 5;

  static {
    String[][] withDeputy = {
      {"bí thư", "Bí thư"},
      {"chủ tịch", "Chủ tịch"},
      {"giám đốc", "Giám đốc"},
      {"tổng giám đốc", "Tổng Giám đốc"},
      {"trưởng ban", "Trưởng ban"},
      {"trưởng phòng", "Trưởng phòng"},
      {"trưởng đoàn", "Trưởng đoàn"},
      {"trưởng công an", "Trưởng Công an"},
      {"chủ nhiệm", "Chủ nhiệm"},
      {"chánh văn phòng", "Chánh Văn phòng"},
      {"chánh vp", "Chánh Văn phòng"},
      {"chánh thanh tra", "Chánh Thanh tra"},
      {"chánh án", "Chánh án"},
      {"viện trưởng", "Viện trưởng"},
      {"tổng biên tập", "Tổng Biên tập"},
      {"tư lệnh", "Tư lệnh"},
      {"chính ủy", "Chính ủy"},
      {"chính uỷ", "Chính ủy"},
      {"chỉ huy trưởng", "Chỉ huy trưởng"},
      {"cục trưởng", "Cục trưởng"},
      {"vụ trưởng", "Vụ trưởng"},
      {"tổng cục trưởng", "Tổng cục trưởng"},
      {"hiệu trưởng", "Hiệu trưởng"},
      {"tổng thư ký", "Tổng Thư ký"},
      {"tổng thanh tra", "Tổng Thanh tra"},
      {"thủ tướng", "Thủ tướng"},
      {"tổng thống", "Tổng thống"},
      {"cảnh sát trưởng", "Cảnh sát trưởng"},
      {"chủ tịch nước", "Chủ tịch nước"},
      {"chủ tịch thượng viện", "Chủ tịch Thượng viện"},
      {"trưởng đoàn đại biểu quốc hội", "Trưởng đoàn Đại biểu Quốc hội"},
      {"trưởng đoàn đbqh", "Trưởng đoàn Đại biểu Quốc hội"},
    };
    for (String[] t : withDeputy) {
      TITLES.put(t[0], t[1]);
      TITLES.put("phó " + t[0], "Phó " + t[1]);
    }
    String[][] alone = {
      {"tổng bí thư", "Tổng Bí thư"},
      {"bí thư thứ nhất", "Bí thư thứ nhất"},
      {"bộ trưởng", "Bộ trưởng"},
      {"thứ trưởng", "Thứ trưởng"},
      {"ủy viên", "Ủy viên"},
      {"uỷ viên", "Ủy viên"},
      {"thành ủy viên", "Thành ủy viên"},
      {"tỉnh ủy viên", "Tỉnh ủy viên"},
      {"đại sứ", "Đại sứ"},
      {"tổng kiểm toán", "Tổng Kiểm toán"},
      {"đại biểu quốc hội", "Đại biểu Quốc hội"},
      {"đbqh", "Đại biểu Quốc hội"},
      {"quốc vương", "Quốc vương"},
      {"thẩm phán", "Thẩm phán"},
      {"chuyên viên", "Chuyên viên"},
      {"phó chánh thanh tra", "Phó Chánh Thanh tra"},
    };
    for (String[] t : alone) {
      TITLES.put(t[0], t[1]);
    }
    for (String rank : RANKS) {
      String[] w = rank.split(" ");
      TITLES.put(rank, Character.toUpperCase(w[0].charAt(0)) + w[0].substring(1) + " " + w[1]);
    }
    TITLES.put("thường trực", "Thường trực");
    TITLES.replaceAll((k, v) -> v.replace("uý", "úy"));
    for (String key : TITLES.keySet()) {
      TITLE_STARTS.add(key.substring(0, key.indexOf(' ') < 0 ? key.length() : key.indexOf(' ')));
    }
  }

  /** Words that start the unit of a post: the organ the post belongs to. */
  private static final Set<String> UNIT_HEADS =
      words(
          "quận ủy",
          "huyện ủy",
          "thị ủy",
          "thành ủy",
          "tỉnh ủy",
          "đảng ủy",
          "quận uỷ",
          "huyện uỷ",
          "thị uỷ",
          "thành uỷ",
          "tỉnh uỷ",
          "đảng uỷ",
          "đảng bộ",
          "đảng đoàn",
          "ban cán sự",
          "ban chấp hành",
          "ban thường vụ",
          "ban bí thư",
          "bộ chính trị",
          "trung ương",
          "tư",
          "tw",
          "ubnd",
          "hđnd",
          "ủy ban",
          "uỷ ban",
          "ub",
          "hội đồng",
          "quốc hội",
          "qh",
          "chính phủ",
          "mttq",
          "ubmttq",
          "mặt trận",
          "bộ",
          "sở",
          "cục",
          "tổng cục",
          "công an",
          "tỉnh",
          "thành phố",
          "tp",
          "quận",
          "huyện",
          "thị xã",
          "xã",
          "phường",
          "thị trấn",
          "báo",
          "đài",
          "tòa án",
          "toà án",
          "tand",
          "viện kiểm sát",
          "vksnd",
          "trường",
          "bệnh viện",
          "tập đoàn",
          "tổng công ty",
          "công ty",
          "liên minh",
          "liên đoàn",
          "lđlđ",
          "hội",
          "trung tâm",
          "ngân hàng",
          "liên hiệp",
          "vpcp",
          "văn phòng chính phủ",
          "văn phòng quốc hội",
          "văn phòng chủ tịch nước",
          "đoàn đại biểu quốc hội",
          "đoàn đbqh",
          "hđqt",
          "trung đoàn",
          "sư đoàn",
          "bộ chỉ huy",
          "ban chỉ huy",
          "bộ tư lệnh",
          "đại học",
          "ban chqs",
          "bộ chqs");

  private static final int MAX_HEAD_WORDS = 4;

  /** Level words that take a place name after them. */
  private static final Set<String> LEVELS =
      Set.of("tỉnh", "thành phố", "tp", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn");

  /**
   * Lower-case words that continue a capitalised word inside an organ's name (the second syllable
   * of {@code Văn phòng}, {@code Tuyên giáo}, {@code nhân dân}…); any other lower-case word ends a
   * post.
   */
  private static final Set<String> CONTINUATIONS =
      words(
          "ủy", "uỷ", "ban", "thư", "tịch", "trưởng", "đốc", "viên", "phòng", "trực", "vụ", "hành",
          "tra", "chức", "giáo", "vận", "chính", "ương", "hội", "phủ", "trị", "dân", "nhân", "quốc",
          "tổ", "an", "sự", "lệnh", "tướng", "tá", "úy", "lý", "tập", "sát", "án", "đạo", "huy",
          "tế", "nghiệp", "thôn", "triển", "hoạch", "tư", "học", "nghệ", "tin", "thông", "động",
          "binh", "xã", "giao", "pháp", "hóa", "hoá", "thao", "lịch", "dục", "tạo", "ninh", "đội",
          "niên", "nữ", "đoàn", "biểu", "đua", "thưởng", "trận", "tải", "dựng", "trường", "nguyên",
          "chế", "sản", "lâm", "thủy", "thuỷ", "lợi", "tài", "ngân", "sách", "kế", "toán", "thuế",
          "quan", "cảnh", "đường", "bộ", "sắt", "biển", "thương", "mại", "nông", "công", "nội",
          "ngoại", "kinh", "văn", "thể", "du", "dược", "khoa", "vực", "cứu", "ty", "đô", "thị",
          "luật", "mặt", "phố", "tâm", "cơ", "sở", "thuật", "nước", "vệ", "sinh", "lao", "phẩm",
          "chủ", "tiến", "thần", "dương", "phủ", "giá", "gia", "đình", "em", "trẻ", "chiến", "cựu",
          "minh", "tác", "hợp", "xuất", "nhập", "khẩu", "cấp", "hàng", "không", "vấn", "thẩm",
          "kiểm", "khí", "tượng", "lưu", "trữ", "tôn", "ngữ", "ảnh", "báo", "chí", "hình", "tiếp",
          "dân", "viện", "tổng", "ký", "đại", "cầu", "xây", "điện", "lực", "dầu", "than", "sữa",
          "may", "dệt", "trợ", "giúp", "ảnh", "bảo", "hiểm", "kho", "bạc", "tiết", "kiệm", "phát",
          "thanh", "truyền", "hình", "phòng", "chống", "tham", "nhũng", "cơ", "yếu", "quản", "trại",
          "giam", "thi", "chấp", "thường", "tuyên", "vùng", "môi", "đảng", "châu", "hiệp", "hàng");

  /** Words before a capitalised run that make it a place or a thing named after a person. */
  private static final Set<String> NAMED_AFTER =
      words(
          "đường",
          "phố",
          "ngõ",
          "ngách",
          "hẻm",
          "phường",
          "xã",
          "quận",
          "huyện",
          "tỉnh",
          "trường",
          "chùa",
          "đền",
          "đình",
          "cầu",
          "khu",
          "ấp",
          "thôn",
          "bản",
          "làng",
          "sân",
          "bến",
          "chợ",
          "tượng",
          "giải",
          "cúp",
          "lăng",
          "nhà",
          "số",
          "tp",
          "tên",
          "đảo",
          "núi",
          "sông",
          "hồ",
          "kênh",
          "đèo",
          "vịnh",
          "cảng",
          "ga",
          "trạm",
          "tàu",
          "công viên",
          "bảo tàng",
          "quảng trường",
          "đại lộ",
          "giao lộ",
          "vòng xoay",
          "tư tưởng",
          "phong cách",
          "đạo đức",
          "kỷ niệm",
          "tượng đài",
          "thị trấn",
          "thành phố",
          "thị xã",
          "đặc khu");

  /** Common surnames: a name without a form of address must start with one. */
  private static final Set<String> SURNAMES =
      words(
          "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
          "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "mai",
          "đinh", "hà", "lương", "lưu", "tạ", "cao", "chu", "kiều", "tô", "triệu", "thái", "quách",
          "thân", "phùng", "từ", "lại", "nông", "hứa", "ninh", "tăng", "giang", "khổng", "bạch",
          "hầu", "tôn", "châu", "mạc", "lò", "lục", "đàm", "diệp", "doãn", "khúc", "nghiêm", "quan",
          "thạch", "tống", "viên", "vi", "lã", "lạc", "văn", "đồng", "hạ", "âu", "lạng", "giáp",
          "ưng", "la", "đường", "đậu", "mẫn", "trình", "tiêu", "phí", "cù", "cấn", "chế", "kim",
          "ông", "quản", "trang", "hoàng", "lữ", "đoạn", "bế", "sầm", "hà", "mông", "y", "ksor",
          "rơ", "phó", "nhữ", "thiều", "kha", "khương", "mã", "mạnh", "ôn", "đàm", "tưởng");

  /** Words that start sentences and never end a name. */
  private static final Set<String> NOT_IN_NAMES =
      words(
          "ngày", "theo", "hôm", "tại", "trong", "khi", "với", "sau", "trước", "những", "các",
          "cùng", "bên", "về", "ảnh", "để", "đến", "nhưng", "tuy", "do", "vì", "nếu", "hiện", "đây",
          "đó", "như", "tháng", "năm", "được", "là", "thực", "việc");

  private static final Set<String> PREDICATES =
      words("làm", "là", "giữ", "chức", "vụ", "cử", "bầu", "nhiệm", "danh", "thành", "thay");

  private static final Set<String> ORGAN_BEFORE_TITLE = words("ban", "đoàn", "phòng");

  /** Times of day that start a sentence when a date follows ({@code Sáng 8/2}). */
  private static final Set<String> TIMES = words("ngày", "sáng", "chiều", "tối", "trưa", "đêm");

  /** A word that cannot go on a name or an organ: a sentence glued to a caption starts there. */
  private static boolean stopsName(Words w, int k) {
    String l = w.lower(k);
    return NOT_IN_NAMES.contains(l)
        || TIMES.contains(l)
            && k + 1 < w.size
            && w.tight(k + 1)
            && (w.isDigits(k + 1) || w.lower(k + 1).matches("nay|qua|mai|hôm"));
  }

  /** Words that introduce people: a following list of names needs no surname test. */
  private static final Set<String> PERSON_CUES = Set.of("đồng chí", "ông", "bà", "đ/c");

  private static Set<String> words(String... ws) {
    return Set.copyOf(java.util.Arrays.asList(ws));
  }

  private final Gazetteer gazetteer;

  PeopleExtractor(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A finder on the bundled gazetteer. */
  public static PeopleExtractor standard() {
    return new PeopleExtractor(Gazetteer.standard());
  }

  /**
   * The people of a text, each (name, post) once, in order of first mention; a name with a post is
   * not listed again without one.
   *
   * @param districts the release's districts: they complete bare units ({@code Quận ủy})
   */
  public List<Person> extract(String text, List<District> districts) {
    Words w = Words.of(text);
    List<Found> found = new ArrayList<>();
    int i = 0;
    while (i < w.size) {
      int next = scan(w, i, found);
      i = Math.max(next, i + 1);
    }
    return merge(found, districts);
  }

  /** A name with its posts as found, before merging. */
  private record Found(String name, List<String[]> posts) {}

  /** Looks for a person starting at word {@code i}; returns where to go on. */
  private int scan(Words w, int i, List<Found> out) {
    int cue = cueLength(w, i);
    if (cue > 0) {
      return afterCue(w, i, i + cue, out);
    }
    int title = titleAt(w, i);
    if (title > 0) {
      return postsThenName(w, i, out);
    }
    if (w.isNameWord(i) && !w.tight(i) || (w.isNameWord(i) && i > 0 && !w.isNameWord(i - 1))) {
      return nameThenPosts(w, i, out);
    }
    return i + 1;
  }

  /** How many words a cue for people takes at {@code i} (đồng chí, ông, bà), or 0. */
  private static int cueLength(Words w, int i) {
    String l = w.lower(i);
    if (!l.equals("đồng") && !l.equals("đ") && !l.equals("ông") && !l.equals("bà")) {
      return 0;
    }
    boolean sentenceStart = i == 0 || w.gap(i).matches(".*[.!?:\"“”\n(].*");
    if (l.equals("đồng") && i + 1 < w.size && w.lower(i + 1).equals("chí") && w.tight(i + 1)) {
      return w.isLower(i) || sentenceStart ? 2 : 0;
    }
    if (l.equals("đ") && i + 1 < w.size && w.gap(i + 1).equals("/") && w.lower(i + 1).equals("c")) {
      return 2;
    }
    if (l.equals("ông") || l.equals("bà")) {
      // a capital "Ông"/"Bà" inside a sentence is a misprint only before a surname ("Bà Rịa" is
      // not)
      boolean surnameNext = i + 1 < w.size && SURNAMES.contains(w.lower(i + 1));
      return w.isLower(i) || sentenceStart || surnameNext ? 1 : 0;
    }
    return 0;
  }

  private static boolean isDongChi(Words w, int k) {
    return w.lower(k).equals("đồng") && k + 1 < w.size && w.lower(k + 1).equals("chí");
  }

  /** After đồng chí / ông / bà: a name (then its posts), a list of names, or a post then a name. */
  private int afterCue(Words w, int cueStart, int at, List<Found> out) {
    if (at >= w.size) {
      return at;
    }
    boolean plural = cueStart > 0 && isPluralBefore(w, cueStart - 1);
    boolean list = w.gap(at).contains(":") || plural;
    if (titleAt(w, at) > 0) {
      // "các đồng chí Chủ tịch nước Trần Đại Quang, Thủ tướng …": the posts name them
      return postsThenName(w, at, out);
    }
    int end = nameRun(w, at, 5);
    if (end - at < 2 || !w.tight(at) && !w.gap(at).contains(":")) {
      return at;
    }
    if (!w.isLower(cueStart) && isPlace(w, cueStart, end)) {
      // "Bà Rịa - Vũng Tàu" is a province, not a woman called Rịa
      return end;
    }
    String name = nameOf(w, at, end);
    List<String[]> posts = new ArrayList<>();
    int next = postsAfterName(w, end, posts, out);
    out.add(new Found(name, posts));
    // lists: "các đồng chí: A – Bí thư, B – Chủ tịch", "ông A và B"
    while (next < w.size) {
      String g = w.gap(next);
      boolean and = w.lower(next).equals("và") && w.tight(next);
      int from;
      if (and && next + 1 < w.size && w.tight(next + 1)) {
        from = next + 1;
      } else if ((g.equals(",") || g.equals(";")) && (list || !posts.isEmpty())) {
        from = next;
      } else {
        break;
      }
      if (cueLength(w, from) > 0 || titleAt(w, from) > 0) {
        break;
      }
      int e = nameRun(w, from, 4);
      if (e - from < 2
          || !list && !SURNAMES.contains(w.lower(from))
          || isPlace(w, from, e)
          || e < w.size && w.tight(e) && w.isNameWord(e)) {
        break;
      }
      String more = nameOf(w, from, e);
      List<String[]> morePosts = new ArrayList<>();
      next = postsAfterName(w, e, morePosts, out);
      if (!list && morePosts.isEmpty() && !and) {
        break;
      }
      out.add(new Found(more, morePosts));
      posts = morePosts;
    }
    return next;
  }

  /** "các", "những", "hai", "3" right before a cue: what follows is a list of people. */
  private static boolean isPluralBefore(Words w, int i) {
    String l = w.lower(i);
    return l.equals("các") || l.equals("những") || w.isDigits(i) || l.equals("gồm");
  }

  /** Posts right after a name: {@code , Giám đốc Sở…}, {@code - Chánh Văn phòng…}, {@code (…)}. */
  private int postsAfterName(Words w, int end, List<String[]> posts, List<Found> out) {
    int at = skipAside(w, end);
    if (at >= w.size) {
      return at;
    }
    String g = w.gap(at);
    boolean bracket = g.endsWith("(");
    if (!(g.isEmpty() || g.equals(",") || g.equals("-") || bracket || g.equals(":"))) {
      return end;
    }
    int t = titleAt(w, at);
    if (t == 0) {
      return end;
    }
    return postChain(w, at, posts, out);
  }

  /**
   * A bracketed year or age right after a name: {@code (1964)}, {@code (SN 1974)}, {@code (89
   * tuổi)}.
   */
  private static int skipAside(Words w, int end) {
    if (end < w.size && w.gap(end).endsWith("(")) {
      int k = end;
      while (k < w.size
          && k < end + 4
          && (w.isDigits(k) || w.lower(k).matches("sn|tuổi|sinh|năm"))) {
        k++;
      }
      if (k > end && k < w.size && w.gap(k).startsWith(")")) {
        return k;
      }
    }
    return end;
  }

  /**
   * Posts joined by commas, dashes or {@code kiêm}, starting with a title at {@code at}; the posts
   * go to {@code posts}. A post that ends in a name is that name's (the title-before form): then
   * the chain stops.
   */
  private int postChain(Words w, int at, List<String[]> posts, List<Found> out) {
    int i = at;
    while (i < w.size) {
      Post p = post(w, i);
      if (p == null) {
        break;
      }
      if (p.nameFrom >= 0) {
        // "…, Phó Giám đốc Sở Y tế Nguyễn Văn B": a new person named after their post
        out.add(
            new Found(nameOf(w, p.nameFrom, p.end), new ArrayList<>(List.<String[]>of(p.value))));
        return p.end;
      }
      posts.add(p.value);
      i = p.end;
      if (i >= w.size) {
        break;
      }
      String g = w.gap(i);
      if (w.lower(i).equals("kiêm") && w.tight(i) && i + 1 < w.size && titleAt(w, i + 1) > 0) {
        i++;
      } else if ((g.equals(",") || g.equals("-") || g.equals(")(")) && titleAt(w, i) > 0) {
        // next post
      } else {
        break;
      }
    }
    return i;
  }

  /** Posts then a name: {@code Ủy viên Bộ Chính trị, Bí thư Thành ủy Nguyễn Thiện Nhân}. */
  private int postsThenName(Words w, int at, List<Found> out) {
    List<String[]> pending = new ArrayList<>();
    // "được cử làm Bí thư Thành ủy, Phó Chủ tịch Lê Bá Trình": the first post is another's
    boolean predicate = at > 0 && w.tight(at) && PREDICATES.contains(w.lower(at - 1));
    int i = at;
    while (i < w.size) {
      if (predicate && i > at) {
        pending.clear();
        predicate = false;
      }
      Post p = post(w, i);
      if (p == null) {
        return i + 1;
      }
      if (p.nameFrom >= 0) {
        pending.add(p.value);
        String name = nameOf(w, p.nameFrom, p.end);
        List<String[]> posts = new ArrayList<>(pending);
        int next = postsAfterName(w, p.end, posts, out);
        out.add(new Found(name, posts));
        return next;
      }
      pending.add(p.value);
      i = p.end;
      if (i < w.size && (w.gap(i).equals(",") || w.gap(i).equals("-")) && titleAt(w, i) > 0) {
        continue;
      }
      if (i < w.size && w.lower(i).equals("kiêm") && i + 1 < w.size && titleAt(w, i + 1) > 0) {
        i++;
        continue;
      }
      return i;
    }
    return i;
  }

  /**
   * A name first, then a post after a comma, dash or bracket: {@code Lâm Hải Giang, Giám đốc …}.
   */
  private int nameThenPosts(Words w, int at, List<Found> out) {
    if (!SURNAMES.contains(w.lower(at)) || at > 0 && isNamedAfter(w, at - 1)) {
      return skipRun(w, at);
    }
    int end = nameRun(w, at, 4);
    if (end - at < 2 || end >= w.size || isPlace(w, at, end)) {
      return skipRun(w, at);
    }
    int after = skipAside(w, end);
    String g = after < w.size ? w.gap(after) : "";
    if (!(g.equals(",") || g.equals("-") || g.endsWith("("))) {
      return skipRun(w, at);
    }
    List<String[]> posts = new ArrayList<>();
    int next = postsAfterName(w, end, posts, out);
    if (posts.isEmpty()) {
      return skipRun(w, at);
    }
    out.add(new Found(nameOf(w, at, end), posts));
    return next;
  }

  private static int skipRun(Words w, int at) {
    int k = at + 1;
    while (k < w.size && w.tight(k) && w.isNameWord(k) && titleAt(w, k) == 0) {
      k++;
    }
    return k;
  }

  /** The end of a run of name words from {@code at}, cut before a title, at most {@code max}. */
  private int nameRun(Words w, int at, int max) {
    int k = at;
    while (k < w.size && k - at < max && w.isNameWord(k) && (k == at || w.tight(k))) {
      if (k > at && (titleAt(w, k) > 0 || cueLength(w, k) > 0 || isDongChi(w, k))) {
        break;
      }
      if (k >= at + 2 && stopsName(w, k)) {
        // a sentence glued to a caption: "Thủ tướng Nguyễn Xuân Phúc Ngày 3/7, …"
        break;
      }
      k++;
    }
    // a run longer than a name is something else (a headline in title case, an organ)
    if (k - at == max && k < w.size && w.tight(k) && w.isNameWord(k) && titleAt(w, k) == 0) {
      return at;
    }
    return k;
  }

  private static String nameOf(Words w, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      if (i > from) {
        sb.append(' ');
      }
      sb.append(w.word(i));
    }
    return Words.canonicalName(sb.toString());
  }

  /**
   * One post from a title at {@code at}: {@code value} is {post, unit}; {@code nameFrom} ≥ 0 when
   * the post ends in a name (the title-before form).
   */
  private record Post(String[] value, int end, int nameFrom) {}

  private Post post(Words w, int at) {
    int i = at;
    String prefix = "";
    String l = w.lower(i);
    if (l.equals("nguyên") || l.equals("cựu")) {
      prefix = "nguyên ";
      i++;
    } else if (l.equals("tân")) {
      i++;
    }
    if (i >= w.size || i > at && !w.tight(i)) {
      return null;
    }
    int t = titleLengthAt(w, i);
    if (t == 0) {
      return null;
    }
    String key = w.lowerJoined(i, i + t);
    String title = TITLES.get(key);
    int k = i + t;
    if (k + 1 < w.size
        && w.lower(k).equals("thường")
        && w.lower(k + 1).equals("trực")
        && w.tight(k)
        && w.tight(k + 1)) {
      title += " Thường trực";
      k += 2;
    }
    if (RANKS.contains(key)) {
      int nameEnd = nameAfterPost(w, k, k, true);
      return new Post(
          new String[] {prefix + title, null}, nameEnd < 0 ? k : nameEnd, nameEnd < 0 ? -1 : k);
    }
    // the department and unit: organ words up to the first word that cannot be part of them
    int from = k;
    int unitFrom = -1;
    boolean ministerial = MINISTERIAL.contains(key.replaceFirst("^phó ", ""));
    while (k < w.size && (k == from ? w.tight(k) : joins(w, k))) {
      int h = headLength(w, k);
      if (h > 0) {
        if (unitFrom < 0) {
          unitFrom = k;
        }
        k += h;
        continue;
      }
      if (w.isNameWord(k) && stopsName(w, k)) {
        break;
      }
      if (w.isNameWord(k) || w.isCaps(k) || (w.isDigits(k) && k > from)) {
        if (w.isNameWord(k)
            && SURNAMES.contains(w.lower(k))
            && nameAfterPost(w, k, from, k == from) > 0) {
          break;
        }
        if (w.isCaps(k) && unitFrom < 0) {
          unitFrom = k;
        }
        k++;
        continue;
      }
      if (w.isLower(k) && (CONTINUATIONS.contains(w.lower(k)) || isLevel(w, k) > 0)) {
        k++;
        continue;
      }
      if (w.lower(k).equals("và")
          && k > from
          && k + 1 < w.size
          && w.isNameWord(k + 1)
          && unitFrom >= 0
          && titleAt(w, k + 1) == 0
          && !SURNAMES.contains(w.lower(k + 1))) {
        k++;
        continue;
      }
      break;
    }
    // trailing lower-case or level words without their name stay; a dangling "và" does not
    while (k > from && (w.lower(k - 1).equals("và"))) {
      k--;
    }
    int nameFrom = -1;
    int end = k;
    if (k < w.size && (k == from ? w.tight(k) : joins(w, k)) && w.isNameWord(k)) {
      int ne = nameAfterPost(w, k, from, k == from);
      if (ne > 0) {
        nameFrom = k;
        end = ne;
      }
    }
    // a foreign name after the post and a country: "Thủ tướng Anh Theresa May"
    if (nameFrom < 0) {
      int[] foreign = foreignName(w, from, k);
      if (foreign != null) {
        nameFrom = foreign[0];
        end = k;
        k = foreign[0];
      }
    }
    // a name run at the end of the organ words: "Chủ tịch UBND tỉnh Hà Nam Lê Xuân Hùng"
    if (nameFrom < 0) {
      int[] split = trailingName(w, from, k);
      if (split != null) {
        nameFrom = split[0];
        end = k;
        k = split[0];
      }
    }
    String post;
    String unit = null;
    if (ministerial && unitFrom < 0 && k > from) {
      post = title;
      unit = w.span(from, k);
    } else if (unitFrom >= 0) {
      post = unitFrom > from ? title + " " + w.span(from, unitFrom) : title;
      unit = unitFrom < k ? w.span(unitFrom, k) : null;
    } else {
      post = k > from ? title + " " + w.span(from, k) : title;
    }
    // "Trưởng phòng Cảnh quan môi trường (Trung tâm Bảo tồn …)": the unit in brackets
    if (unit == null
        && nameFrom < 0
        && end < w.size
        && w.gap(end).equals("(")
        && headLength(w, end) > 0) {
      int e = end;
      while (e < w.size
          && (e == end || joins(w, e))
          && (w.isNameWord(e)
              || w.isCaps(e)
              || headLength(w, e) > 0
              || CONTINUATIONS.contains(w.lower(e))
              || isLevel(w, e) > 0)) {
        e++;
      }
      if (e < w.size && w.gap(e).startsWith(")") || e == w.size) {
        unit = w.span(end, e);
        end = e;
      }
    }
    return new Post(
        new String[] {prefix + tidy(post), unit == null ? null : tidy(unit)}, end, nameFrom);
  }

  /** Whether word {@code k} continues the phrase before it (spaces, or the dot of TP.HCM, T.Ư). */
  private static boolean joins(Words w, int k) {
    String g = w.gap(k);
    if (g.isEmpty()) {
      return true;
    }
    if (g.equals(".") || g.equals("-") || g.equals("&")) {
      // TP.HCM, T.Ư, KH-ĐT, TN&MT
      String prev = w.word(k - 1);
      return prev.length() <= 3
          && (w.isCaps(k - 1) || prev.equals("Tp") || prev.equals("T"))
          && (w.isCaps(k) || w.word(k).length() <= 3 && Character.isUpperCase(w.word(k).charAt(0)));
    }
    return false;
  }

  /**
   * The end of a name starting at {@code k} right after post words, or -1: two to four syllables,
   * surname first; a place name alone is no one (except a bare title before it: {@code Chủ tịch Hồ
   * Chí Minh}).
   */
  private int nameAfterPost(Words w, int k, int postFrom, boolean rightAfterTitle) {
    // a post may end the text (a title as its last words)
    if (k >= w.size || !w.isNameWord(k) || !SURNAMES.contains(w.lower(k))) {
      return -1;
    }
    int e = nameRun(w, k, 4);
    if (e - k < 2) {
      return -1;
    }
    if (e < w.size && w.tight(e) && w.isNameWord(e) && titleAt(w, e) == 0) {
      return -1;
    }
    // "Hà Nam Lê Hoa": the province first, the name after it
    for (int p = 1; p <= 3 && k + p <= e - 2; p++) {
      if (SURNAMES.contains(w.lower(k + p)) && isPlace(w, k, k + p)) {
        return -1;
      }
    }
    if (isPlace(w, k, e) && !(rightAfterTitle && k == postFrom && !isLevelBefore(w, k))) {
      return -1;
    }
    return e;
  }

  /**
   * A foreign name ending organ words {@code from..to}: two to four capitalised words after any
   * country names, at least one of them no Vietnamese syllable ({@code Esteban Lazo Hernández},
   * {@code Theresa May}); {start}.
   */
  private int[] foreignName(Words w, int from, int to) {
    int s = to;
    while (s > from && w.isNameWord(s - 1) && (s - 1 == from || joins(w, s - 1))) {
      s--;
    }
    if (s > from && (NAMED_UNITS.contains(w.lower(s - 1)) || w.lower(s - 1).equals("và"))) {
      // "Hiệu trưởng trường Marie Curie": the school's name, not its head's
      return null;
    }
    int start = s;
    // leading country names: "Cuba", "Anh", "Nhật Bản"
    while (start < to) {
      if (start + 1 < to && COUNTRIES.contains(w.lowerJoined(start, start + 2))) {
        start += 2;
      } else if (COUNTRIES.contains(w.lower(start))) {
        start++;
      } else {
        break;
      }
    }
    int n = to - start;
    if (n < 2 || n > 4 || SURNAMES.contains(w.lower(start)) || isPlace(w, start, to)) {
      return null;
    }
    boolean foreign = false;
    for (int i = start; i < to; i++) {
      foreign |= !Words.isVietnameseSyllable(w.lower(i));
    }
    return foreign ? new int[] {start} : null;
  }

  /** Organ words a proper name follows: the name is the organ's. */
  private static final Set<String> NAMED_UNITS =
      words("trường", "ty", "viện", "đoàn", "báo", "đài", "sở", "bộ", "cục", "học", "ban", "hội");

  /** Countries written before a foreign official's name. */
  private static final Set<String> COUNTRIES =
      words(
          "anh",
          "pháp",
          "đức",
          "mỹ",
          "nga",
          "nhật",
          "nhật bản",
          "trung quốc",
          "hàn quốc",
          "lào",
          "campuchia",
          "cuba",
          "myanmar",
          "singapore",
          "thái lan",
          "ấn độ",
          "canada",
          "úc",
          "bỉ",
          "ý",
          "philippines",
          "indonesia",
          "malaysia",
          "brunei",
          "israel",
          "iran",
          "ukraine",
          "triều tiên",
          "mông cổ",
          "venezuela",
          "brazil",
          "argentina",
          "mexico",
          "chile",
          "eu",
          "new zealand",
          "hà lan",
          "thụy điển",
          "na uy",
          "phần lan",
          "đan mạch",
          "ba lan",
          "séc",
          "hungary",
          "áo",
          "thụy sĩ",
          "tây ban nha",
          "bồ đào nha",
          "thổ nhĩ kỳ",
          "ai cập",
          "nam phi",
          "nigeria",
          "kenya",
          "syria",
          "iraq",
          "afghanistan",
          "pakistan",
          "bangladesh",
          "sri lanka",
          "nepal",
          "kazakhstan",
          "belarus",
          "serbia",
          "hy lạp",
          "italy",
          "qatar",
          "ả rập xê út",
          "uae",
          "kuwait",
          "algeria",
          "mozambique",
          "angola",
          "palestine");

  /** A surname-led name at the end of organ words {@code from..to}, after a place: {start}. */
  private int[] trailingName(Words w, int from, int to) {
    // the capitalised run that ends the phrase
    int s = to;
    while (s > from && w.isNameWord(s - 1) && (s - 1 == from || joins(w, s - 1))) {
      s--;
    }
    if (to - s < 3) {
      return null;
    }
    for (int i = s + 1; i <= to - 2; i++) {
      if (SURNAMES.contains(w.lower(i)) && to - i <= 4 && isPlace(w, s, i) && !isPlace(w, i, to)) {
        return new int[] {i};
      }
    }
    return null;
  }

  private boolean isLevelBefore(Words w, int k) {
    return k > 0
        && (LEVELS.contains(w.lower(k - 1)) || k > 1 && LEVELS.contains(w.lowerJoined(k - 2, k)));
  }

  /** How many words a level word takes at {@code k} (thành phố: 2), or 0. */
  private static int isLevel(Words w, int k) {
    if (k + 1 < w.size && LEVELS.contains(w.lower(k) + " " + w.lower(k + 1))) {
      return 2;
    }
    return LEVELS.contains(w.lower(k)) ? 1 : 0;
  }

  /** Whether words {@code from..to} are a province or district name. */
  private boolean isPlace(Words w, int from, int to) {
    String key = VnKey.of(w.span(from, to));
    return gazetteer.province(key) != null || !gazetteer.districts(key).isEmpty();
  }

  private static boolean isNamedAfter(Words w, int i) {
    if (!w.isLower(i) || !w.tight(i + 1)) {
      return false;
    }
    return NAMED_AFTER.contains(w.lower(i))
        || i > 0 && w.tight(i) && NAMED_AFTER.contains(w.lower(i - 1) + " " + w.lower(i));
  }

  /** The length of a title at {@code i}, a {@code nguyên}/{@code tân} before it included, or 0. */
  private static int titleAt(Words w, int i) {
    if (i > 0 && w.tight(i) && ORGAN_BEFORE_TITLE.contains(w.lower(i - 1))) {
      // "Ban Bí thư", "Đoàn Chủ tịch", "Văn phòng Chủ tịch nước": organs, not posts
      return 0;
    }
    String l = w.lower(i);
    if ((l.equals("nguyên") || l.equals("cựu") || l.equals("tân"))
        && i + 1 < w.size
        && w.tight(i + 1)) {
      int t = titleLengthAt(w, i + 1);
      return t == 0 ? 0 : t + 1;
    }
    return titleLengthAt(w, i);
  }

  private static int titleLengthAt(Words w, int i) {
    if (w.lower(i).equals("thường")
        && i + 2 < w.size
        && w.lower(i + 1).equals("trực")
        && w.isNameWord(i)
        && headLength(w, i + 2) > 0
        && w.lower(i + 2).matches("ban|tỉnh|thành|hđnd|ubnd|quận|huyện")) {
      return 2;
    }
    if (!TITLE_STARTS.contains(w.lower(i))) {
      return 0;
    }
    for (int n = Math.min(MAX_TITLE_WORDS, w.size - i); n >= 1; n--) {
      boolean tight = true;
      for (int k = i + 1; k < i + n; k++) {
        tight &= w.tight(k);
      }
      if (!tight) {
        continue;
      }
      String key = w.lowerJoined(i, i + n);
      // "thường trực" is a post only before the body it serves (above)
      if (tight && TITLES.containsKey(key) && !key.equals("thường trực")) {
        return n;
      }
    }
    return 0;
  }

  private static int headLength(Words w, int i) {
    for (int n = Math.min(MAX_HEAD_WORDS, w.size - i); n >= 1; n--) {
      boolean tight = true;
      for (int k = i + 1; k < i + n; k++) {
        tight &= w.tight(k);
      }
      if (tight && UNIT_HEADS.contains(w.lowerJoined(i, i + n))) {
        // a lower-case "hội", "bộ" or "xã" in running text is a word, not an organ, unless
        // a name follows ("sở Y tế", "trường Marie Curie")
        if (n == 1
            && w.isLower(i)
            && !LEVELS.contains(w.lower(i))
            && !(i + 1 < w.size && w.tight(i + 1) && (w.isNameWord(i + 1) || w.isCaps(i + 1)))) {
          return 0;
        }
        return n;
      }
    }
    return 0;
  }

  /** Spacing and tone placement of a post or unit as written, abbreviations kept. */
  private static String tidy(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    t = t.replace("uỷ", "ủy").replace("Uỷ", "Ủy").replace("oà", "òa").replace("oá", "óa");
    return t;
  }

  // ------------------------------------------------------------------ merging

  private List<Person> merge(List<Found> found, List<District> districts) {
    Map<String, List<Person>> byName = new LinkedHashMap<>();
    for (Found f : found) {
      List<Person> list = byName.computeIfAbsent(VnKey.of(f.name()), k -> new ArrayList<>());
      if (f.posts().isEmpty()) {
        add(list, new Person(f.name(), null, null));
      }
      for (String[] p : f.posts()) {
        add(list, new Person(f.name(), p[0], complete(p[1], districts)));
      }
    }
    // "ông Nguyễn Thiện nhân" (a misprint) beside "Nguyễn Thiện Nhân": the two words are no name
    // and "Ông Kim Cự" (a caption) beside "Võ Kim Cự"
    byName
        .keySet()
        .removeIf(
            k ->
                k.indexOf(' ') == k.lastIndexOf(' ')
                    && byName.keySet().stream()
                        .anyMatch(
                            o ->
                                o.length() > k.length()
                                    && (o.startsWith(k + " ") || o.endsWith(" " + k))));
    List<Person> out = new ArrayList<>();
    for (List<Person> list : byName.values()) {
      boolean anyPost = list.stream().anyMatch(p -> p.post() != null);
      for (Person p : list) {
        if (p.post() != null || !anyPost) {
          out.add(p);
        }
      }
    }
    return List.copyOf(out);
  }

  /** Adds a person unless the same post is there already (the one with a unit wins). */
  private static void add(List<Person> list, Person p) {
    for (int i = 0; i < list.size(); i++) {
      Person q = list.get(i);
      if (q.post() == null && p.post() == null) {
        return;
      }
      if (q.post() != null && q.post().equalsIgnoreCase(p.post())) {
        if (q.unit() == null && p.unit() != null) {
          list.set(i, p);
        }
        return;
      }
    }
    list.add(p);
  }

  /** A bare {@code Quận ủy} or {@code UBND quận} completed with the release's district. */
  static String complete(String unit, List<District> districts) {
    if (unit == null || districts.isEmpty()) {
      return unit;
    }
    String l = unit.toLowerCase(Locale.ROOT).replace("uỷ", "ủy");
    String districtType =
        switch (l) {
          case "quận ủy", "ubnd quận", "hđnd quận", "ủy ban nhân dân quận" -> "Quận";
          case "huyện ủy", "ubnd huyện", "hđnd huyện", "ủy ban nhân dân huyện" -> "Huyện";
          case "thị ủy", "ubnd thị xã", "hđnd thị xã" -> "Thị xã";
          default -> null;
        };
    if (districtType != null) {
      if (districts.size() == 1 && districts.get(0).label().startsWith(districtType + " ")) {
        String v = districts.get(0).value();
        return unit + " " + v.substring(v.indexOf('/') + 1);
      }
      return unit;
    }
    boolean city = l.equals("thành ủy") || l.equals("ubnd thành phố") || l.equals("ubnd tp");
    boolean province = l.equals("tỉnh ủy") || l.equals("ubnd tỉnh");
    if (!city && !province) {
      return unit;
    }
    String p = null;
    for (District d : districts) {
      String dp = d.value().substring(0, d.value().indexOf('/'));
      if (p != null && !p.equals(dp)) {
        return unit;
      }
      p = dp;
    }
    boolean centralCity = CENTRAL_CITIES.contains(p);
    return centralCity == city ? unit + " " + p : unit;
  }

  /** Provinces that are cities (their committee is a Thành ủy). */
  private static final Set<String> CENTRAL_CITIES =
      Set.of("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế");
}
