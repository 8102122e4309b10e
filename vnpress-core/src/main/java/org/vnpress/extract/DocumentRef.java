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
 * @param year year in the number (state forms), or null
 */
public record DocumentRef(
    String value,
    String type,
    String typeLabel,
    String issuer,
    String issuerLabel,
    String level,
    Integer year) {}
