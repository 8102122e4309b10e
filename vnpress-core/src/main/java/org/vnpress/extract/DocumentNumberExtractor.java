package org.vnpress.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Party and state document numbers and types them.
 *
 * <ul>
 *   <li>Party form {@code {số}-{loại}/{cơ quan}}: {@code 15-NQ/TƯ}, {@code 15- NQ/TW}, {@code
 *       65-Ctr/TU}, {@code 847-NQ/QUTW}, {@code 24-BS/UBKTTU}. {@code TƯ}, {@code T.Ư}, {@code T.W}
 *       become {@code TW}; {@code TU} (a provincial or city committee) never does; {@code Ctr}
 *       becomes {@code CTr}.
 *   <li>State forms: {@code 100/2019/NĐ-CP}, {@code 45/2019/QH14}, {@code 123/QĐ-TTg}, {@code
 *       1656/NQ-UBTVQH15}, and official letters {@code 5973/UBND-KT}.
 *   <li>Only known type and issuer codes count, so {@code T.Ư} or {@code TW} alone, dates and
 *       scores are never numbers: a missing number beats a wrong one.
 *   <li>The type label comes from the words before the number when they fit the code ({@code Quy
 *       định số 08-QĐ/TW} is a Quy định); {@code TT} is Thông tri for Party issuers and Thông tư
 *       for state ones.
 * </ul>
 */
public class DocumentNumberExtractor {

  private static final Pattern PARTY =
      Pattern.compile(
          "(?<![\\p{L}\\d/.\\-])(\\d{1,4})\\s?[-–]\\s?(\\p{L}{1,5})\\s?/\\s?([A-ZĐƯ](?:\\.?[A-ZĐƯa-z]){0,9}(?:-[A-ZĐƯ]{1,8})?)(?![\\p{L}\\d])");

  /**
   * State forms: a number, perhaps a year, and one to seven codes joined by hyphens ({@code
   * 17/2007/TTLT-BCA-VKSNDTC-TANDTC-BTP}, {@code 4612/BGDĐT-GDTrH}); codes may mix case ({@code
   * TTg}, {@code GDTrH}), which {@link #validCode} then checks.
   */
  private static final Pattern STATE =
      Pattern.compile(
          "(?<![\\p{L}\\d/.\\-])(\\d{1,5})\\s?(?:/\\s?((?:19|20)\\d{2}|2 0\\d{2})\\s?/|-\\s?((?:19|20)\\d{2})/|/)\\s?(CODE(?:\\s?[-–/]\\s?CODE){0,6})(?![\\p{L}\\d]|\\s?[-–]\\s?\\d)"
              .replace("CODE", "[A-ZĐƯ][A-Za-zĐđƯư\\d]{0,11}(?:\\s?&\\s?[A-ZĐ][A-Za-zĐđ]{0,6})?"));

  /** The words that name a document just before its number ({@code Nghị quyết số}). */
  private static final Pattern LABEL_BEFORE =
      Pattern.compile(
          "(nghị quyết liên tịch|nghị quyết|chỉ thị|quyết định|quy định|kết luận|chương trình hành"
              + " động|chương trình|hướng dẫn|thông báo|thông tri|thông tư liên tịch|thông tư|nghị"
              + " định|luật|pháp lệnh|kế hoạch|công văn|báo cáo|tờ trình|đề án|quy chế|công"
              + " điện|điện|văn bản)\\s+(?:số\\s*)?[:.]?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** {@code Điện số 499/ĐK}, {@code Nghị định số 100/TTg}: a bare code counts after these words. */
  private static final Pattern LABEL_NUMBER_BEFORE =
      Pattern.compile(
          "(nghị quyết|chỉ thị|quyết định|quy định|nghị định|thông tư|công văn|công điện|điện|thông"
              + " báo|kế hoạch|hướng dẫn|văn bản)\\s+số\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A date right after a number: {@code ngày 5-5-2022}, {@code ngày 12 tháng 4 năm 2025}. */
  /**
   * A term after a number: {@code (khóa XVII)}, {@code , khóa XVI}, {@code của Thành ủy khóa XVII},
   * {@code của Ban Chấp hành Đảng bộ thành phố (khóa XVII)}; no other number, semicolon or full
   * stop on the way.
   */
  private static final Pattern TERM_AFTER =
      Pattern.compile(
          "^[^;.\\d/\n]{0,45}?(?<![\\p{L}])[Kk]h(?:óa|oá)\\s+([IVXL]{1,6}|\\d{1,2})(?![\\p{L}\\d])",
          Pattern.UNICODE_CASE);

  private static final Pattern DATE_AFTER =
      Pattern.compile(
          "^[\\s,]*(?:\\(|,)?\\s*ngày\\s+\\d{1,2}(?:\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*|\\s+tháng\\s+\\d{1,2}\\s+năm\\s+)((?:19|20)\\d{2})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Party type codes (canonical spelling) and their default labels. */
  private static final Map<String, String> PARTY_TYPES =
      ordered(
          "NQ",
          "Nghị quyết",
          "CT",
          "Chỉ thị",
          "CTr",
          "Chương trình",
          "KL",
          "Kết luận",
          "QĐ",
          "Quyết định",
          "QĐi",
          "Quy định",
          "QĐNS",
          "Quyết định nhân sự",
          "HD",
          "Hướng dẫn",
          "TB",
          "Thông báo",
          "BC",
          "Báo cáo",
          "KH",
          "Kế hoạch",
          "TT",
          "Thông tri",
          "TTr",
          "Tờ trình",
          "CV",
          "Công văn",
          "ĐA",
          "Đề án",
          "QC",
          "Quy chế",
          "BS",
          "Văn bản",
          "CQ",
          "Văn bản");

  /** State type codes (canonical spelling) and their default labels. */
  private static final Map<String, String> STATE_TYPES =
      ordered(
          "NĐ",
          "Nghị định",
          "QĐ",
          "Quyết định",
          "NQ",
          "Nghị quyết",
          "NQLT",
          "Nghị quyết liên tịch",
          "TT",
          "Thông tư",
          "TTLT",
          "Thông tư liên tịch",
          "CT",
          "Chỉ thị",
          "CĐ",
          "Công điện",
          "KH",
          "Kế hoạch",
          "TB",
          "Thông báo",
          "HD",
          "Hướng dẫn",
          "BC",
          "Báo cáo",
          "TTr",
          "Tờ trình",
          "KL",
          "Kết luận",
          "CTr",
          "Chương trình",
          "QC",
          "Quy chế",
          "ĐA",
          "Đề án",
          "PL",
          "Pháp lệnh",
          "L",
          "Luật",
          "CV",
          "Công văn",
          "TBKL",
          "Thông báo kết luận",
          "KLTT",
          "Kết luận thanh tra",
          "GP",
          "Giấy phép");

  /** Codes whose lower-case letter is part of the code: Thủ tướng, Thanh tra. */
  private static final java.util.Set<String> KEEP_CASE = java.util.Set.of("TTg", "TTr");

  /** {@code Ttg} → {@code TTg}: the official spelling of a code printed in mixed case. */
  private static final Map<String, String> KEEP_CASE_BY_UPPER = Map.of("TTG", "TTg", "TTR", "TTr");

  /** Party issuers: code → label, level. Codes ending in TW/TU/HU/QU fall back on the suffix. */
  private static final Map<String, String[]> PARTY_ISSUERS = new LinkedHashMap<>();

  /** State issuers known by name; others keep their code as label. */
  private static final Map<String, String> STATE_ISSUERS =
      ordered(
          "CP",
          "Chính phủ",
          "TTg",
          "Thủ tướng Chính phủ",
          "QH",
          "Quốc hội",
          "UBTVQH",
          "Ủy ban Thường vụ Quốc hội",
          "VPCP",
          "Văn phòng Chính phủ",
          "UBND",
          "Ủy ban nhân dân",
          "HĐND",
          "Hội đồng nhân dân",
          "BTC",
          "Bộ Tài chính",
          "BYT",
          "Bộ Y tế",
          "BCA",
          "Bộ Công an",
          "BQP",
          "Bộ Quốc phòng",
          "BNV",
          "Bộ Nội vụ",
          "BTP",
          "Bộ Tư pháp",
          "BXD",
          "Bộ Xây dựng",
          "BCT",
          "Bộ Công Thương",
          "BGDĐT",
          "Bộ Giáo dục và Đào tạo",
          "BGTVT",
          "Bộ Giao thông vận tải",
          "BTNMT",
          "Bộ Tài nguyên và Môi trường",
          "BNNPTNT",
          "Bộ Nông nghiệp và Phát triển nông thôn",
          "BLĐTBXH",
          "Bộ Lao động - Thương binh và Xã hội",
          "BTTTT",
          "Bộ Thông tin và Truyền thông",
          "BVHTTDL",
          "Bộ Văn hóa, Thể thao và Du lịch",
          "BKHĐT",
          "Bộ Kế hoạch và Đầu tư",
          "BKHCN",
          "Bộ Khoa học và Công nghệ",
          "BNG",
          "Bộ Ngoại giao",
          "NHNN",
          "Ngân hàng Nhà nước",
          "TTCP",
          "Thanh tra Chính phủ",
          "TANDTC",
          "Tòa án nhân dân tối cao",
          "VKSNDTC",
          "Viện kiểm sát nhân dân tối cao",
          "KTNN",
          "Kiểm toán Nhà nước",
          "BHXH",
          "Bảo hiểm xã hội Việt Nam",
          "UBDT",
          "Ủy ban Dân tộc");

  static {
    party("TW", "Trung ương", "central");
    party("TU", "Tỉnh ủy/Thành ủy", "province");
    party("HU", "Huyện ủy", "district");
    party("QU", "Quận ủy", "district");
    party("ĐU", "Đảng ủy", "commune");
    party("ĐUK", "Đảng ủy Khối", "province");
    party("QUTW", "Quân ủy Trung ương", "military");
    party("ĐUQSTW", "Đảng ủy Quân sự Trung ương", "military");
    party("BCSĐ", "Ban cán sự đảng", "state");
    party("BCS", "Ban cán sự đảng", "state");
    party("BCT", "Bộ Chính trị", "central");
    party("VPTW", "Văn phòng Trung ương Đảng", "central");
    party("BTCTW", "Ban Tổ chức Trung ương", "central");
    party("BTGTW", "Ban Tuyên giáo Trung ương", "central");
    party("BDVTW", "Ban Dân vận Trung ương", "central");
    party("BNCTW", "Ban Nội chính Trung ương", "central");
    party("BKTTW", "Ban Kinh tế Trung ương", "central");
    party("BĐNTW", "Ban Đối ngoại Trung ương", "central");
    party("UBKTTW", "Ủy ban Kiểm tra Trung ương", "central");
    party("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy/Thành ủy", "province");
    party("BTCTU", "Ban Tổ chức Tỉnh ủy/Thành ủy", "province");
    party("BTGTU", "Ban Tuyên giáo Tỉnh ủy/Thành ủy", "province");
    party("BDVTU", "Ban Dân vận Tỉnh ủy/Thành ủy", "province");
    party("VPTU", "Văn phòng Tỉnh ủy/Thành ủy", "province");
  }

  private static void party(String code, String label, String level) {
    PARTY_ISSUERS.put(code, new String[] {label, level});
  }

  private static Map<String, String> ordered(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Type codes by their upper-case form, so that {@code Ctr} and {@code CTR} find {@code CTr}. */
  private static final Map<String, String> PARTY_TYPE_CODES = upperIndex(PARTY_TYPES);

  private static final Map<String, String> STATE_TYPE_CODES = upperIndex(STATE_TYPES);

  private static Map<String, String> upperIndex(Map<String, String> types) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String code : types.keySet()) {
      m.put(code.toUpperCase(Locale.ROOT), code);
    }
    return m;
  }

  /** Document numbers in order of first mention, one per canonical value. */
  public List<DocumentRef> extract(String text) {
    text = VnKey.nfc(text);
    Map<String, DocumentRef> found = new LinkedHashMap<>();
    Map<String, Integer> firstAt = new LinkedHashMap<>();
    // every number has a slash: run the patterns only in a window around each slash, which is
    // much cheaper than letting them try every position of the text (they find disjoint forms:
    // '-' before '/' for the Party, '/' first for the state)
    Matcher party = PARTY.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    Matcher state = STATE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    int partyFrom = 0;
    int stateFrom = 0;
    int n = text.length();
    for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
      int windowEnd = Math.min(n, slash + 64);
      party.region(Math.max(partyFrom, slash - 24), windowEnd);
      while (party.find() && party.start() <= slash) {
        partyFrom = party.end();
        DocumentRef ref = party(text, party);
        if (ref != null) {
          keep(found, firstAt, ref, party.start());
        }
      }
      state.region(Math.max(stateFrom, slash - 24), windowEnd);
      while (state.find() && state.start() <= slash) {
        stateFrom = state.end();
        DocumentRef ref = state(text, state);
        if (ref != null) {
          keep(found, firstAt, ref, state.start());
        }
      }
    }
    return firstAt.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(e -> found.get(e.getKey()))
        .toList();
  }

  /**
   * Keeps one entry per document: the first printed form, compared without leading zeros ({@code
   * 04-KH/TW} and a later {@code 4-KH/TW} are one document).
   */
  private static void keep(
      Map<String, DocumentRef> found, Map<String, Integer> firstAt, DocumentRef ref, int at) {
    String key = sameDocumentKey(ref.value());
    DocumentRef old = found.get(key);
    if (old == null) {
      found.put(key, ref);
      firstAt.put(key, at);
    } else if (at < firstAt.get(key)) {
      found.put(key, withYear(ref, old));
      firstAt.put(key, at);
    } else if (old.year() == null && ref.year() != null
        || old.term() == null && ref.term() != null) {
      // a later mention may carry the date or term the first one lacked
      found.put(key, withYear(old, ref));
    }
  }

  /** {@code ref}, with the year and term of {@code dated} where it lacks them. */
  private static DocumentRef withYear(DocumentRef ref, DocumentRef dated) {
    Integer year = ref.year() != null ? ref.year() : dated.year();
    String term = ref.term() != null ? ref.term() : dated.term();
    return new DocumentRef(
        ref.value(),
        ref.type(),
        ref.typeLabel(),
        ref.issuer(),
        ref.issuerLabel(),
        ref.level(),
        year,
        term);
  }

  /** The canonical value without leading zeros in its number, for telling documents apart. */
  public static String sameDocumentKey(String value) {
    return value.replaceFirst("^0+(?=\\d)", "");
  }

  private DocumentRef party(String text, Matcher m) {
    String raw = m.group(3).replace(".", "");
    if (isStateIssuer(raw)) {
      // a state number printed in the Party layout: 824-QĐ/TTg is 824/QĐ-TTg
      String type = STATE_TYPE_CODES.get(m.group(2).toUpperCase(Locale.ROOT));
      return type == null
          ? null
          : stateRef(
              text,
              m.start(),
              m.end(),
              m.group(1),
              null,
              type,
              raw,
              type + "-" + raw,
              labelBefore(text, m.start()));
    }
    String type = PARTY_TYPE_CODES.get(m.group(2).toUpperCase(Locale.ROOT));
    if (type == null || !raw.equals(raw.toUpperCase(Locale.ROOT))) {
      return null;
    }
    String issuer = raw.replace("TƯ", "TW").replace("Ư", "W");
    String[] info = partyIssuer(issuer);
    if (info == null) {
      return null;
    }
    return partyRef(text, m.start(), m.end(), m.group(1), type, issuer, info);
  }

  /**
   * Label and level of a Party issuer code ({@code TW}, {@code BTCTU}, {@code ĐU-MTTW}), or null.
   */
  private static String[] partyIssuer(String issuer) {
    String base = issuer.contains("-") ? issuer.substring(0, issuer.indexOf('-')) : issuer;
    String[] info = PARTY_ISSUERS.get(base);
    return info != null ? info : bySuffix(base);
  }

  private static boolean isStateIssuer(String code) {
    return STATE_ISSUERS.containsKey(code) && !PARTY_ISSUERS.containsKey(code);
  }

  private DocumentRef partyRef(
      String text, int start, int end, String number, String type, String issuer, String[] info) {
    String issuerLabel = info[0];
    if (issuerLabel.contains("Tỉnh ủy/Thành ủy")) {
      issuerLabel = issuerLabel.replace("Tỉnh ủy/Thành ủy", provincialCommittee(text));
    }
    String typeLabel = label(text, start, type, PARTY_TYPES.get(type), true);
    String value = number + "-" + type + "/" + issuer;
    return new DocumentRef(
        value,
        type,
        typeLabel,
        issuer,
        issuerLabel,
        info[1],
        yearAfter(text, end),
        termAfter(text, end));
  }

  private static String[] bySuffix(String issuer) {
    for (String suffix : new String[] {"TW", "TU", "HU", "QU"}) {
      if (issuer.length() > suffix.length() + 1 && issuer.endsWith(suffix)) {
        String[] base = PARTY_ISSUERS.get(suffix);
        return new String[] {
          issuer.substring(0, issuer.length() - suffix.length()) + " " + base[0], base[1]
        };
      }
    }
    return null;
  }

  /** Which kind of provincial committee the text speaks of, when it speaks of one kind only. */
  private static String provincialCommittee(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean city = lower.contains("thành ủy") || lower.contains("thành uỷ");
    boolean province = lower.contains("tỉnh ủy") || lower.contains("tỉnh uỷ");
    if (city != province) {
      return city ? "Thành ủy" : "Tỉnh ủy";
    }
    return "Tỉnh ủy/Thành ủy";
  }

  private DocumentRef state(String text, Matcher m) {
    String number = m.group(1);
    // "30/2 012/TT-BCA": a year split by a stray space (word-segmented copies) is one year, and
    // in such a copy "1 30/2 003" is number 130 split the same way
    String year = m.group(2) != null ? m.group(2).replace(" ", "") : m.group(3);
    if (m.group(2) != null && m.group(2).indexOf(' ') > 0) {
      Matcher split = SPLIT_NUMBER.matcher(text.substring(Math.max(0, m.start() - 5), m.start()));
      if (split.find()) {
        number = split.group(1) + number;
      }
    }
    List<String> parts = new java.util.ArrayList<>();
    for (String p : m.group(4).replaceAll("\\s", "").split("[-–/]")) {
      if (!validCode(p)) {
        break; // "…/NĐ-CP-Video": a code ends where the letters stop looking like one
      }
      parts.add(p);
    }
    if (parts.isEmpty()) {
      return null;
    }
    String label = labelBefore(text, m.start());
    boolean numbered =
        SO_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find();
    String head = parts.get(0);
    if (parts.size() == 1) {
      if (year != null && head.matches("(?:QH|UBTVQH)\\d{2}")) {
        // laws, resolutions and ordinances carry the legislature as their only code:
        // 45/2019/QH14; the words before say which (Nghị quyết số 203/2025/QH15 is no law)
        String type = legislatureType(head, label);
        return stateRef(text, m.start(), m.end(), number, year, type, head, head, label);
      }
      if (year == null
          && head.matches("[A-ZĐ][A-ZĐa-z]{0,6}")
          && LABEL_NUMBER_BEFORE
              .matcher(text.substring(Math.max(0, m.start() - 30), m.start()))
              .find()) {
        // a bare code after "Điện số", "Nghị định số": 499/ĐK, 100/TTg
        return stateRef(text, m.start(), m.end(), number, null, "VB", head, head, label);
      }
      return null;
    }
    for (int i = 0; i < parts.size(); i++) {
      // letters are upper case in canonical numbers, except the codes that are not (TTg)
      String printed = parts.get(i);
      String c = printed.toUpperCase(Locale.ROOT);
      // "Ttg", "TTG" are TTg (the Prime Minister); "TTR" in capitals stays (Thanh tra)
      parts.set(
          i, c.equals("TTG") || !printed.equals(c) ? KEEP_CASE_BY_UPPER.getOrDefault(c, c) : c);
    }
    head = parts.get(0);
    String issuer = String.join("-", parts.subList(1, parts.size()));
    String partyType = PARTY_TYPE_CODES.get(head.toUpperCase(Locale.ROOT));
    String partyIssuer = parts.get(1).replace("TƯ", "TW").replace("Ư", "W");
    if (year == null
        && partyType != null
        && PARTY_ISSUERS.containsKey(partyIssuer)
        && !STATE_ISSUERS.containsKey(partyIssuer)) {
      // a Party number printed in the state layout: 160/QĐ-TW is 160-QĐ/TW (but 648/QĐ-BCT is
      // the Ministry of Industry and Trade's, not the Politburo's: BCT is a state issuer too)
      String pIssuer =
          String.join("-", partyIssuer, issuer.substring(parts.get(1).length()))
              .replaceAll("-$", "");
      return partyRef(text, m.start(), m.end(), number, partyType, pIssuer, partyIssuer(pIssuer));
    }
    if (head.indexOf('Ư') >= 0 || issuer.indexOf('Ư') >= 0) {
      return null; // "TƯ" is the Party's Central Committee: no state code has it
    }
    String type = STATE_TYPE_CODES.get(head.toUpperCase(Locale.ROOT));
    String code = head + "-" + issuer;
    if (type != null && !type.equals("L") && !type.equals("PL")) {
      return stateRef(text, m.start(), m.end(), number, year, type, issuer, code, label);
    }
    if (year != null && COURT_CASES.contains(head) && COURT_LEVELS.contains(parts.get(1))) {
      // court judgments: 19/2016/HC-PT (administrative case, appeal)
      return stateRef(text, m.start(), m.end(), number, year, "BA", "TA", code, label);
    }
    if (letterIssuer(head) || numbered || label != null) {
      // an official letter names its issuer and the drafting unit: 5973/UBND-KT, 46/VIPA-VP,
      // 62/TCT-TCNN; unknown issuers count when the text says it is a numbered document
      return stateRef(text, m.start(), m.end(), number, year, "CV", head, code, label);
    }
    return null;
  }

  /**
   * A code part: starts upper case and is mostly upper case ({@code GDTrH} yes, {@code Video} no).
   */
  private static boolean validCode(String p) {
    if (p.isEmpty() || !Character.isUpperCase(p.charAt(0))) {
      return false;
    }
    if (KEEP_CASE.contains(p)) {
      return true;
    }
    int upper = 0;
    int lower = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (Character.isUpperCase(c)) {
        upper++;
      } else if (Character.isLowerCase(c)) {
        lower++;
      }
    }
    // a drafting unit may be written in mixed case: Th, TTra (Thanh tra), GDTrH
    return lower == 0 || p.length() <= 3 || (lower <= 2 && upper >= lower);
  }

  /** Luật, Nghị quyết or Pháp lệnh for a number coded by the legislature, from the words before. */
  private static String legislatureType(String head, String label) {
    if (label != null) {
      if (label.endsWith("luật")) {
        return "L";
      }
      if (label.startsWith("nghị quyết")) {
        return "NQ";
      }
      if (label.equals("pháp lệnh")) {
        return "PL";
      }
    }
    return head.startsWith("QH") ? "L" : "NQ";
  }

  /** Court case types and levels: {@code HS-ST}, {@code DS-PT}, {@code HC-GĐT}. */
  private static final java.util.Set<String> COURT_CASES =
      java.util.Set.of("HS", "DS", "HC", "KDTM", "LĐ", "HNGĐ", "KT", "DSST", "HSST");

  private static final java.util.Set<String> COURT_LEVELS =
      java.util.Set.of("ST", "PT", "GĐT", "TT", "QĐ");

  /** Digits and one space right before a number: the first digits of a split number. */
  private static final Pattern SPLIT_NUMBER = Pattern.compile("(?<![\\d/.,])(\\d{1,3}) $");

  /** {@code số} (or {@code số:}) right before a number. */
  private static final Pattern SO_BEFORE =
      Pattern.compile("(?<!\\p{L})số\\s*:?\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Any document word, anywhere in a window: the last one before a number names it. */
  private static final Pattern LABEL_ANYWHERE =
      Pattern.compile(
          "(?<!\\p{L})(nghị quyết liên tịch|nghị quyết|chỉ thị|quyết định|quy định|kết luận|thông báo kết"
              + " luận|chương trình hành động|chương trình|hướng dẫn|thông báo|thông tri|thông tư liên"
              + " tịch|thông tư|nghị định|bộ luật|luật|pháp lệnh|kế hoạch|công văn|báo cáo|tờ"
              + " trình|đề án|quy chế|công điện|điện|văn bản|bản án|giấy phép|sắc lệnh)(?!\\p{L})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The document word that names the number at {@code start}, lower case, or null: right before it
   * ({@code Nghị quyết số}) or before the document's name ({@code Luật Đất đai số}), in the same
   * clause and with no other number between.
   */
  static String labelBefore(String text, int start) {
    String before = text.substring(Math.max(0, start - 80), start);
    Matcher m = LABEL_ANYWHERE.matcher(before);
    int at = -1;
    String word = null;
    while (m.find()) {
      at = m.end();
      word = m.group(1);
    }
    if (word == null) {
      return null;
    }
    String between = before.substring(at);
    if (between.matches("(?s).*(?:[;.!?()\\n]|\\d/|\\d-\\p{Lu}|,\\s*(?:và|ngày)).*")
        || (between.strip().length() > 2 && !SO_BEFORE.matcher(between).find())) {
      return null;
    }
    return word.toLowerCase(Locale.ROOT);
  }

  private DocumentRef stateRef(
      String text,
      int start,
      int end,
      String number,
      String year,
      String type,
      String issuer,
      String code,
      String label) {
    String value = number + "/" + (year == null ? "" : year + "/") + code;
    String defaultLabel =
        switch (type) {
          case "CV" -> "Công văn";
          case "VB" -> "Văn bản";
          case "BA" -> "Bản án";
          default -> STATE_TYPES.get(type);
        };
    String typeLabel =
        label != null && fits(label, type, false) ? capitalised(label) : defaultLabel;
    String issuerCode = issuer.replaceAll("\\d+$", "");
    String first = issuer.split("-")[0];
    String issuerLabel =
        type.equals("BA")
            ? "Tòa án"
            : STATE_ISSUERS.getOrDefault(issuerCode, STATE_ISSUERS.getOrDefault(first, issuer));
    String level = first.equals("BQP") ? "military" : "state";
    Integer y = year != null ? Integer.valueOf(year) : yearAfter(text, end);
    return new DocumentRef(value, type, typeLabel, issuer, issuerLabel, level, y, null);
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** Issuers that send official letters numbered {@code N/ISSUER-UNIT}. */
  private static boolean letterIssuer(String head) {
    return head.equals("UBND")
        || head.equals("TTg")
        || head.equals("VPCP")
        || head.equals("HĐND")
        || head.equals("NHNN")
        || (head.length() >= 3 && head.charAt(0) == 'B' && STATE_ISSUERS.containsKey(head));
  }

  /** The label written before the number when it fits the code, else the default. */
  private static String label(String text, int start, String type, String fallback, boolean party) {
    String before = text.substring(Math.max(0, start - 40), start);
    Matcher m = LABEL_BEFORE.matcher(before);
    if (m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      String label = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      if (fits(word, type, party)) {
        return label;
      }
    }
    return fallback;
  }

  private static boolean fits(String word, String type, boolean party) {
    return switch (type) {
      case "QĐ" -> word.equals("quyết định") || word.equals("quy định");
      case "QĐi" -> word.equals("quy định");
      case "TT" -> party ? word.equals("thông tri") : word.startsWith("thông tư");
      case "NQ" -> word.startsWith("nghị quyết");
      case "CTr" -> word.startsWith("chương trình");
      case "BS", "CV", "VB", "CQ" -> true;
      case "L" -> word.endsWith("luật");
      case "TBKL" -> word.startsWith("thông báo");
      case "KLTT" -> word.startsWith("kết luận");
      case "BA" -> word.equals("bản án") || word.equals("quyết định");
      default -> {
        String def = (party ? PARTY_TYPES : STATE_TYPES).get(type);
        yield def != null && def.toLowerCase(Locale.ROOT).equals(word);
      }
    };
  }

  /**
   * The term written after a number in the same clause: {@code 06-CTr/TU của Thành ủy (khóa XVII)},
   * {@code 15-NQ/TU, khóa XVI}; not past a semicolon, a full stop or another number.
   */
  private static String termAfter(String text, int end) {
    Matcher t = TERM_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 60)));
    if (!t.find()) {
      return null;
    }
    String n = t.group(1);
    int v = VietnameseNumbers.digitsOrRoman(n);
    return v > 0 && v < 100 ? VietnameseNumbers.toRoman(v) : null;
  }

  private static Integer yearAfter(String text, int end) {
    Matcher d = DATE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40)));
    return d.find() ? Integer.valueOf(d.group(1)) : null;
  }
}
