package org.vnpress.extract;

/**
 * The meeting a release reports: a plenum of a Party committee, a session of an elected body, a
 * congress.
 *
 * @param body the meeting body, e.g. {@code Ban Chấp hành}, {@code Ban Thường vụ}, {@code Đại hội
 *     đại biểu}, {@code Hội đồng nhân dân}, {@code Quốc hội}
 * @param session the ordinal as a number ({@code lần thứ mười sáu} and {@code lần thứ 16} are 16),
 *     or null when the text gives none
 * @param term the term in Roman numerals ({@code khóa XXVI}; {@code khóa 14} is {@code XIV}), or
 *     null
 * @param organ whose body it is, as written: {@code Đảng bộ quận Hai Bà Trưng}, or null
 * @param years the term's years, {@code 2020-2025}, or null
 */
public record Meeting(String body, Integer session, String term, String organ, String years) {}
