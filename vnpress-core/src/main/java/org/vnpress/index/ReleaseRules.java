package org.vnpress.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vnpress.extract.PressRelease;

/**
 * What a release must be to be written, checked once for every path (CLI, API, cluster) before
 * anything is written. The limits leave room: the longest title in the corpora has 255 characters,
 * the longest body 43,439.
 */
public final class ReleaseRules {

  /** An id is one Lucene term and part of a URL: it must stay readable and deletable. */
  public static final int MAX_ID_BYTES = 512;

  public static final int MAX_TITLE_CHARS = 1_000;
  public static final int MAX_BODY_CHARS = 1_000_000;
  public static final int MAX_URL_CHARS = 2_048;
  public static final int MAX_SOURCE_CHARS = 200;

  private ReleaseRules() {}

  /** Why a release cannot be written, or null when it can. */
  public static String problem(PressRelease r) {
    List<String> problems = new ArrayList<>();
    String id = idProblem(r.id());
    if (id != null) {
      problems.add(id);
    }
    tooLong(problems, "title", r.title(), MAX_TITLE_CHARS);
    tooLong(problems, "body", r.body(), MAX_BODY_CHARS);
    tooLong(problems, "url", r.url(), MAX_URL_CHARS);
    tooLong(problems, "source", r.source(), MAX_SOURCE_CHARS);
    if (r.url() != null && hasControl(r.url())) {
      problems.add("the url contains a control character");
    }
    if (r.source() != null && hasControl(r.source())) {
      problems.add("the source contains a control character");
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** Why a string cannot be an id, or null when it can. */
  public static String idProblem(String id) {
    if (id == null || id.isBlank()) {
      return "the id is empty";
    }
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_ID_BYTES) {
      return String.format(
          Locale.ROOT,
          "the id is %,d UTF-8 bytes long; at most %d are allowed",
          bytes,
          MAX_ID_BYTES);
    }
    if (hasControl(id)) {
      return "the id contains a control character (such as NUL or a line break)";
    }
    return null;
  }

  private static void tooLong(List<String> problems, String field, String value, int max) {
    if (value != null && value.length() > max) {
      problems.add(
          String.format(
              Locale.ROOT,
              "\"%s\" has %,d characters; at most %,d are allowed",
              field,
              value.length(),
              max));
    }
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.getType(s.charAt(i)) == Character.CONTROL) {
        return true;
      }
    }
    return false;
  }
}
