package org.vnpress.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a search starts: opaque to clients ({@code nextCursor} → {@code cursor}),
 * so deep pages need no {@code page × size} offset. {@code after} is the backend's own position
 * (the last hit's sort values), empty while the results are still counted from the top.
 *
 * @param offset how many results came before
 * @param after the backend's position after the last hit shown, or "" to count from the top
 */
public record Cursor(int offset, String after) {

  private static final String VERSION = "c1";

  public Cursor {
    if (offset < 0) {
      throw new BadRequestException("cursor is not valid");
    }
    after = after == null ? "" : after;
  }

  /** The cursor as the API sends it. */
  public String encode() {
    String raw = VERSION + "\n" + offset + "\n" + after;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor the API sent, or a 400 when it is not one. */
  public static Cursor decode(String s) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(s.strip()), StandardCharsets.UTF_8);
      String[] parts = raw.split("\n", 3);
      if (parts.length != 3 || !parts[0].equals(VERSION)) {
        throw new BadRequestException("cursor is not valid: pass nextCursor as it came");
      }
      return new Cursor(Integer.parseInt(parts[1]), parts[2]);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("cursor is not valid: pass nextCursor as it came");
    }
  }
}
