package org.vnpress.extract;

import java.text.Normalizer;
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
 *       65-Ctr/TU}, {@code 847-NQ/QUTW}, {@code 24-BS/UBKTTU}. {@code TƯ}, {@code T.Ư}, {@code
 *       T.W} become {@code TW}; {@code TU} (a provincial or city committee) never does; {@code
 *       Ctr} becomes {@code CTr}.
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
          "(?<![\\p{L}\\d/.\\-])(\\d{1,4})\\s?[-–]\\s?(\\p{L}{1,5})\\s?/\\s?([A-ZĐƯ](?:\\.?[A-ZĐƯ]){0,9})(?![\\p{L}\\d])");

  private static final Pattern STATE =
      Pattern.compile(
          "(?<![\\p{L}\\d/.\\-])(\\d{1,5})/(?:((?:19|20)\\d{2})/)?([A-ZĐ][\\p{L}\\d]{0,9}(?:-[A-ZĐ][\\p{L}\\d]{0,11}){0,3})(?![\\p{L}\\d]|-\\d)");

  /** The words that name a document just before its number ({@code Nghị quyết số}). */
  private static final Pattern LABEL_BEFORE =
      Pattern.compile(
          "(nghị quyết liên tịch|nghị quyết|chỉ thị|quyết định|quy định|kết luận|chương trình hành động"
              + "|chương trình|hướng dẫn|thông báo|thông tri|thông tư liên tịch|thông tư|nghị định|luật"
              + "|pháp lệnh|kế hoạch|công văn|báo cáo|tờ trình|đề án|quy chế|công điện)"
              + "\\s+(?:số\\s*)?[:.]?\\s*$",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A date right after a number: {@code ngày 5-5-2022}, {@code ngày 12 tháng 4 năm 2025}. */
  private static final Pattern DATE_AFTER =
      Pattern.compile(
          "^[\\s,]*(?:\\(|,)?\\s*ngày\\s+\\d{1,2}(?:\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*|\\s+tháng\\s+\\d{1,2}\\s+năm\\s+)((?:19|20)\\d{2})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Party type codes (canonical spelling) and their default labels. */
  private static final Map<String, String> PARTY_TYPES =
      ordered(
          "NQ", "Nghị quyết", "CT", "Chỉ thị", "CTr", "Chương trình", "KL", "Kết luận",
          "QĐ", "Quyết định", "QĐi", "Quy định", "QĐNS", "Quyết định nhân sự", "HD", "Hướng dẫn",
          "TB", "Thông báo", "BC", "Báo cáo", "KH", "Kế hoạch", "TT", "Thông tri",
          "TTr", "Tờ trình", "CV", "Công văn", "ĐA", "Đề án", "QC", "Quy chế", "BS", "Văn bản");

  /** State type codes (canonical spelling) and their default labels. */
  private static final Map<String, String> STATE_TYPES =
      ordered(
          "NĐ", "Nghị định", "QĐ", "Quyết định", "NQ", "Nghị quyết", "NQLT", "Nghị quyết liên tịch",
          "TT", "Thông tư", "TTLT", "Thông tư liên tịch", "CT", "Chỉ thị", "CĐ", "Công điện",
          "KH", "Kế hoạch", "TB", "Thông báo", "HD", "Hướng dẫn", "BC", "Báo cáo", "TTr", "Tờ trình",
          "KL", "Kết luận", "CTr", "Chương trình", "QC", "Quy chế", "PL", "Pháp lệnh", "L", "Luật");

  /** Party issuers: code → label, level. Codes ending in TW/TU/HU/QU fall back on the suffix. */
  private static final Map<String, String[]> PARTY_ISSUERS = new LinkedHashMap<>();

  /** State issuers known by name; others keep their code as label. */
  private static final Map<String, String> STATE_ISSUERS =
      ordered(
          "CP", "Chính phủ", "TTg", "Thủ tướng Chính phủ", "QH", "Quốc hội",
          "UBTVQH", "Ủy ban Thường vụ Quốc hội", "VPCP", "Văn phòng Chính phủ",
          "UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân", "BTC", "Bộ Tài chính",
          "BYT", "Bộ Y tế", "BCA", "Bộ Công an", "BQP", "Bộ Quốc phòng", "BNV", "Bộ Nội vụ",
          "BTP", "Bộ Tư pháp", "BXD", "Bộ Xây dựng", "BCT", "Bộ Công Thương",
          "BGDĐT", "Bộ Giáo dục và Đào tạo", "BGTVT", "Bộ Giao thông vận tải",
          "BTNMT", "Bộ Tài nguyên và Môi trường", "BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn",
          "BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", "BTTTT", "Bộ Thông tin và Truyền thông",
          "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "BKHĐT", "Bộ Kế hoạch và Đầu tư",
          "BKHCN", "Bộ Khoa học và Công nghệ", "BNG", "Bộ Ngoại giao", "NHNN", "Ngân hàng Nhà nước",
          "TTCP", "Thanh tra Chính phủ", "TANDTC", "Tòa án nhân dân tối cao",
          "VKSNDTC", "Viện kiểm sát nhân dân tối cao", "KTNN", "Kiểm toán Nhà nước",
          "BHXH", "Bảo hiểm xã hội Việt Nam", "UBDT", "Ủy ban Dân tộc");

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
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFC);
    }
    Map<String, DocumentRef> found = new LinkedHashMap<>();
    Map<String, Integer> firstAt = new LinkedHashMap<>();
    // the two loops find disjoint forms ('-' before '/' vs '/' first), so order by position after
    Matcher m = PARTY.matcher(text);
    while (m.find()) {
      DocumentRef ref = party(text, m);
      if (ref != null) {
        keep(found, firstAt, ref, m.start());
      }
    }
    m = STATE.matcher(text);
    while (m.find()) {
      DocumentRef ref = state(text, m);
      if (ref != null) {
        keep(found, firstAt, ref, m.start());
      }
    }
    return firstAt.entrySet().stream()
        .sorted(Map.Entry.comparingByValue())
        .map(e -> found.get(e.getKey()))
        .toList();
  }

  private static void keep(
      Map<String, DocumentRef> found, Map<String, Integer> firstAt, DocumentRef ref, int at) {
    DocumentRef old = found.get(ref.value());
    if (old == null) {
      found.put(ref.value(), ref);
      firstAt.put(ref.value(), at);
    } else if (old.year() == null && ref.year() != null) {
      // a later mention may carry the date the first one lacked
      found.put(ref.value(), ref);
    }
  }

  private DocumentRef party(String text, Matcher m) {
    String type = PARTY_TYPE_CODES.get(m.group(2).toUpperCase(Locale.ROOT));
    if (type == null) {
      return null;
    }
    String issuer = m.group(3).replace(".", "").replace("TƯ", "TW").replace("Ư", "W");
    String[] info = PARTY_ISSUERS.get(issuer);
    if (info == null) {
      info = bySuffix(issuer);
      if (info == null) {
        return null;
      }
    }
    String issuerLabel = info[0];
    if (issuerLabel.contains("Tỉnh ủy/Thành ủy")) {
      issuerLabel = issuerLabel.replace("Tỉnh ủy/Thành ủy", provincialCommittee(text));
    }
    String typeLabel = label(text, m.start(), type, PARTY_TYPES.get(type), true);
    String value = m.group(1) + "-" + type + "/" + issuer;
    return new DocumentRef(
        value, type, typeLabel, issuer, issuerLabel, info[1], yearAfter(text, m.end()));
  }

  private static String[] bySuffix(String issuer) {
    for (String suffix : new String[] {"TW", "TU", "HU", "QU"}) {
      if (issuer.length() > suffix.length() + 1 && issuer.endsWith(suffix)) {
        String[] base = PARTY_ISSUERS.get(suffix);
        return new String[] {issuer.substring(0, issuer.length() - suffix.length()) + " " + base[0], base[1]};
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
    String year = m.group(2);
    String[] parts = m.group(3).split("-");
    String head = parts[0];
    String type;
    String issuer;
    if (parts.length == 1) {
      // laws and ordinances carry the legislature as their only code: 45/2019/QH14
      if (year == null || !head.matches("(?:QH|UBTVQH)\\d{2}")) {
        return null;
      }
      issuer = head;
      type = head.startsWith("QH") ? "L" : "PL";
    } else {
      String t = STATE_TYPE_CODES.get(head.toUpperCase(Locale.ROOT));
      if (t != null && !t.equals("L") && !t.equals("PL")) {
        type = t;
        issuer = String.join("-", java.util.Arrays.copyOfRange(parts, 1, parts.length));
      } else if (year == null && letterIssuer(head)) {
        // an official letter names its issuer and the drafting unit: 5973/UBND-KT
        type = "CV";
        issuer = head;
      } else {
        return null;
      }
      if (!issuer.matches("[A-ZĐ][\\p{L}\\d-]*") || issuer.chars().noneMatch(Character::isUpperCase)) {
        return null;
      }
    }
    String code = parts.length == 1 ? head : type.equals("CV") ? m.group(3) : type + "-" + issuer;
    String value = number + "/" + (year == null ? "" : year + "/") + code;
    String defaultLabel = type.equals("CV") ? "Công văn" : STATE_TYPES.get(type);
    String typeLabel = label(text, m.start(), type, defaultLabel, false);
    String issuerCode = issuer.replaceAll("\\d+$", "");
    String issuerLabel = STATE_ISSUERS.getOrDefault(issuerCode, STATE_ISSUERS.getOrDefault(issuer.split("-")[0], issuer));
    String level = issuerCode.equals("BQP") ? "military" : "state";
    Integer y = year != null ? Integer.valueOf(year) : yearAfter(text, m.end());
    return new DocumentRef(value, type, typeLabel, issuer, issuerLabel, level, y);
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
      case "BS", "CV" -> true;
      default -> {
        String def = (party ? PARTY_TYPES : STATE_TYPES).get(type);
        yield def != null && def.toLowerCase(Locale.ROOT).equals(word);
      }
    };
  }

  private static Integer yearAfter(String text, int end) {
    Matcher d = DATE_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40)));
    return d.find() ? Integer.valueOf(d.group(1)) : null;
  }
}
