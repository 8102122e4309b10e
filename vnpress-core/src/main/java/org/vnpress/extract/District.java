package org.vnpress.extract;

/**
 * A district-level unit named or implied by a release.
 *
 * @param value facet value {@code Province/District}, e.g. {@code Hà Nội/Hai Bà Trưng}
 * @param label full official name, e.g. {@code Quận Hai Bà Trưng}
 */
public record District(String value, String label) {}
