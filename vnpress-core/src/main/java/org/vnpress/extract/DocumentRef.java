package org.vnpress.extract;

/**
 * A Party or state document number cited in a release.
 *
 * @param value canonical number, e.g. {@code 15-NQ/TW}
 * @param type type code, e.g. {@code NQ}
 * @param typeLabel e.g. {@code Nghị quyết}
 * @param issuer issuer code, e.g. {@code TW}
 * @param issuerLabel e.g. {@code Trung ương}
 * @param level central, province, district, commune, military or state
 * @param year year in the number (state forms), or of the date written after it, or null
 * @param term the issuer's term written after the number ({@code 06-CTr/TU của Thành ủy (khóa
 *     XVII)} → {@code XVII}), or null: Party numbers restart every term
 */
public record DocumentRef(
    String value,
    String type,
    String typeLabel,
    String issuer,
    String issuerLabel,
    String level,
    Integer year,
    String term) {

  /** The same reference with the given term. */
  public DocumentRef withTerm(String term) {
    return new DocumentRef(value, type, typeLabel, issuer, issuerLabel, level, year, term);
  }

  /** A reference without a stated term. */
  public DocumentRef(
      String value,
      String type,
      String typeLabel,
      String issuer,
      String issuerLabel,
      String level,
      Integer year) {
    this(value, type, typeLabel, issuer, issuerLabel, level, year, null);
  }

  /**
   * Which of the documents sharing this number the release means, when it says: {@code
   * 06-CTr/TU@XVII} (its term), {@code 06-CTr/TU@2026} (the year of its date), else null. A state
   * number that carries its year ({@code 100/2019/NĐ-CP}) needs none.
   */
  public String edition() {
    if (term != null) {
      return value + "@" + term;
    }
    if (year != null && !value.contains(Integer.toString(year))) {
      return value + "@" + year;
    }
    return null;
  }
}
