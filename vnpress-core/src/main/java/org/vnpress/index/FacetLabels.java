package org.vnpress.index;

import org.vnpress.extract.DocumentRef;

/** Human labels for facet values that are computed rather than extracted. */
public final class FacetLabels {

  private static final String[] ROMAN = {"I", "II", "III", "IV"};

  private FacetLabels() {}

  /** {@code 2022-Q4} → {@code Quý IV/2022}. */
  public static String quarter(String value) {
    int q = value.indexOf("-Q");
    if (q < 0) {
      return value;
    }
    int n = value.charAt(q + 2) - '1';
    return n >= 0 && n < 4 ? "Quý " + ROMAN[n] + "/" + value.substring(0, q) : value;
  }

  /** Reporting periods: quarters as above, {@code 2022-H1} → {@code 6 tháng đầu năm 2022}… */
  public static String period(String value) {
    if (value.contains("-Q")) {
      return quarter(value);
    }
    if (value.endsWith("-H1")) {
      return "6 tháng đầu năm " + value.substring(0, 4);
    }
    if (value.endsWith("-H2")) {
      return "6 tháng cuối năm " + value.substring(0, 4);
    }
    if (value.endsWith("-9M")) {
      return "9 tháng năm " + value.substring(0, 4);
    }
    return value.matches("\\d{4}") ? "Năm " + value : value;
  }

  /** {@code Nghị quyết 15-NQ/TW (Trung ương)}. */
  public static String document(DocumentRef d) {
    StringBuilder sb = new StringBuilder();
    if (d.typeLabel() != null && !d.typeLabel().equals(d.type())) {
      sb.append(d.typeLabel()).append(' ');
    }
    sb.append(d.value());
    if (d.issuerLabel() != null) {
      sb.append(" (").append(d.issuerLabel()).append(')');
    }
    return sb.toString();
  }

  /** {@code Chương trình 06-CTr/TU (Thành ủy), khóa XVII} or {@code …, năm 2026}. */
  public static String edition(DocumentRef d) {
    String base = document(d);
    if (d.term() != null) {
      return base + ", khóa " + d.term();
    }
    return d.year() != null ? base + ", năm " + d.year() : base;
  }
}
