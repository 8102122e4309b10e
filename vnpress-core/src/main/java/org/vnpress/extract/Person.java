package org.vnpress.extract;

/**
 * An official named in a release with a post the text gives them.
 *
 * @param name the full name, canonical: each syllable capitalised, one tone placement ({@code hòa},
 *     {@code thủy}), single spaces
 * @param post the post as stated, e.g. {@code Chánh Văn phòng}, {@code Phó Bí thư Thường trực};
 *     {@code nguyên …} for a former post; null when the text names the person without one
 * @param unit the body the post belongs to, e.g. {@code Quận ủy Hoàn Kiếm}, {@code UBND tỉnh Yên
 *     Bái}; a bare {@code Quận ủy} is completed with the release's district; null when none is said
 */
public record Person(String name, String post, String unit) {

  /**
   * A name as typed in the form names are kept: {@code nguyễn văn dũng} → {@code Nguyễn Văn Dũng}.
   */
  public static String canonicalName(String name) {
    return Words.canonicalName(name);
  }

  /** The post and its unit as one phrase ({@code Chánh Văn phòng Quận ủy Hoàn Kiếm}), or null. */
  public String postLabel() {
    if (post == null) {
      return unit;
    }
    return unit == null ? post : post + " " + unit;
  }
}
