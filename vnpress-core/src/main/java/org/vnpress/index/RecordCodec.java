package org.vnpress.index;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.vnpress.extract.PressRelease;

/** Stores a {@link PressRelease} as compact JSON of its components, and reads it back. */
public final class RecordCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private RecordCodec() {}

  /** JSON of the record with an empty body: the body is stored once, in its own field. */
  public static String encodeWithoutBody(PressRelease r) {
    try {
      return MAPPER.writeValueAsString(withBody(r, ""));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode record " + r.id(), e);
    }
  }

  public static PressRelease decode(String json, String body) {
    try {
      return withBody(MAPPER.readValue(json, PressRelease.class), body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored record is not readable", e);
    }
  }

  static PressRelease withBody(PressRelease r, String body) {
    return new PressRelease(
        r.id(),
        r.title(),
        r.displayTitle(),
        body,
        r.date(),
        r.author(),
        r.url(),
        r.source(),
        r.districts(),
        r.places(),
        r.documents(),
        r.periods(),
        r.notes(),
        r.people(),
        r.meeting(),
        r.number());
  }
}
