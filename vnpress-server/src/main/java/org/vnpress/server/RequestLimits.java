package org.vnpress.server;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;

/**
 * Checks every API request before its handler: the URI and headers within their limits (the answer
 * names the part that is too long) and percent-encoded bytes that are UTF-8 — a lenient decoder
 * would turn bad bytes into U+FFFD and search for that.
 */
final class RequestLimits {

  private RequestLimits() {}

  static void check(Context ctx) {
    String path = ctx.req().getRequestURI();
    String query = ctx.queryString();
    int uri = path.length() + (query == null ? 0 : query.length() + 1);
    if (uri > ServerConfig.MAX_URI_BYTES) {
      throw new ApiException(
          414,
          "uri_too_long",
          String.format(
              Locale.ROOT,
              "the request URI has %,d bytes; at most %,d are read. The longest part is %s",
              uri,
              ServerConfig.MAX_URI_BYTES,
              longestPart(path, query)));
    }
    long headers = 0;
    String largest = null;
    long largestBytes = 0;
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      for (String value : Collections.list(ctx.req().getHeaders(name))) {
        long n = name.length() + 2L + value.length() + 2L;
        headers += n;
        if (n > largestBytes) {
          largestBytes = n;
          largest = name;
        }
      }
    }
    if (headers > ServerConfig.MAX_HEADER_BYTES) {
      throw new ApiException(
          431,
          "headers_too_large",
          String.format(
              Locale.ROOT,
              "the request headers have %,d bytes; at most %,d are read. The largest is %s (%,d"
                  + " bytes)",
              headers,
              ServerConfig.MAX_HEADER_BYTES,
              largest,
              largestBytes));
    }
    if (!utf8(path)) {
      throw ApiException.badRequest("the path is not UTF-8: percent-encode it from UTF-8");
    }
    if (query != null && !utf8(query)) {
      throw ApiException.badRequest(
          "the query string is not UTF-8: percent-encode the parameters from UTF-8");
    }
  }

  /** The part of the URI with most bytes: the path, or a named parameter. */
  private static String longestPart(String path, String query) {
    String part = "the path (" + String.format(Locale.ROOT, "%,d", path.length()) + " bytes)";
    int longest = path.length();
    if (query != null) {
      for (String p : query.split("&")) {
        if (p.length() > longest) {
          longest = p.length();
          int eq = p.indexOf('=');
          String name = eq < 0 ? p : p.substring(0, eq);
          if (name.length() > 40) {
            name = name.substring(0, 40) + "…";
          }
          part =
              String.format(Locale.ROOT, "the parameter %s (%,d bytes)", name, p.length())
                  + (name.equals("q") ? "; q allows 1,000 characters" : "");
        }
      }
    }
    return part;
  }

  /** Whether the percent-encoded bytes of a raw URI part are UTF-8. */
  static boolean utf8(String raw) {
    if (raw.indexOf('%') < 0) {
      return true;
    }
    ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%'
          && i + 2 < raw.length()
          && hex(raw.charAt(i + 1)) >= 0
          && hex(raw.charAt(i + 2)) >= 0) {
        bytes.put((byte) (hex(raw.charAt(i + 1)) << 4 | hex(raw.charAt(i + 2))));
        i += 2;
      } else {
        // a character the server already decoded: its own UTF-8 bytes
        bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    bytes.flip();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }
}
