package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.vnpress.index.NgramTable;
import org.vnpress.index.SyllableCounts;

/**
 * Keeps the accent model's counts in the cluster, beside the documents: the gzipped table in parts
 * of a few megabytes in index {@code <index>-syllables} (binary fields, never searched), then a
 * head document naming how many parts make the current table, written last. vnpress counts every
 * release it sends to the cluster, so any vnpress process attached to the same index finds the
 * counts there when it starts.
 */
final class ClusterSyllableStore implements SyllableCounts.Store {

  /** Raw bytes per part, well below OpenSearch's request size limit. */
  private static final int PART = 4 << 20;

  /** The cluster, as the backend talks to it. */
  interface Http {
    /** Sends a JSON request; answers the status and the body. */
    Reply send(String method, String path, String json) throws IOException;
  }

  record Reply(int status, String body) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Http http;
  private final String index;

  ClusterSyllableStore(Http http, String index) {
    this.http = http;
    this.index = index + "-syllables";
  }

  /** The parts are binary and the head is two numbers: nothing in this index is searched. */
  private static final String MAPPING =
      "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
          + "\"data\":{\"type\":\"binary\"},"
          + "\"generation\":{\"type\":\"long\",\"index\":false},"
          + "\"parts\":{\"type\":\"integer\",\"index\":false}}}}";

  private volatile boolean created;

  /** Creates the index with its mapping, so that no part is ever analysed as text. */
  private void createIfMissing() throws IOException {
    if (created) {
      return;
    }
    if (http.send("HEAD", index, null).status == 404) {
      Reply r = http.send("PUT", index, MAPPING);
      if (r.status >= 300 && !r.body.contains("resource_already_exists_exception")) {
        check(r, "creating " + index);
      }
    }
    created = true;
  }

  /** Deletes the kept counts with their index (when the documents' index is dropped). */
  void drop() throws IOException {
    http.send("DELETE", index, null);
    created = false;
  }

  @Override
  public void write(NgramTable table) throws IOException {
    createIfMissing();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      table.write(gz);
    }
    byte[] all = bytes.toByteArray();
    int parts = Math.max(1, (all.length + PART - 1) / PART);
    Reply old = http.send("GET", index + "/_doc/head", null);
    JsonNode oldHead = old.status == 200 ? JSON.readTree(old.body).path("_source") : null;
    // a new generation's parts under new ids, then the head: a reader never sees a mixed table
    long generation =
        Math.max(
            System.currentTimeMillis(),
            oldHead == null ? 0 : oldHead.path("generation").asLong() + 1);
    for (int i = 0; i < parts; i++) {
      int from = i * PART;
      int to = Math.min(all.length, from + PART);
      byte[] part = java.util.Arrays.copyOfRange(all, from, to);
      String doc = "{\"data\":\"" + Base64.getEncoder().encodeToString(part) + "\"}";
      check(http.send("PUT", index + "/_doc/" + generation + "-" + i, doc), "writing part " + i);
    }
    String head = "{\"generation\":" + generation + ",\"parts\":" + parts + "}";
    check(http.send("PUT", index + "/_doc/head?refresh=true", head), "writing the head");
    if (oldHead != null) {
      // the last generation's parts are garbage now
      for (int i = 0; i < oldHead.path("parts").asInt(); i++) {
        http.send("DELETE", index + "/_doc/" + oldHead.path("generation").asLong() + "-" + i, null);
      }
    }
  }

  @Override
  public NgramTable read() throws IOException {
    Reply head = http.send("GET", index + "/_doc/head", null);
    if (head.status == 404) {
      return null;
    }
    check(head, "reading the head");
    JsonNode h = JSON.readTree(head.body).path("_source");
    long generation = h.path("generation").asLong();
    int parts = h.path("parts").asInt();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < parts; i++) {
      Reply r = http.send("GET", index + "/_doc/" + generation + "-" + i, null);
      check(r, "reading part " + i);
      String data = JSON.readTree(r.body).path("_source").path("data").asText();
      all.write(Base64.getDecoder().decode(data));
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(all.toByteArray()))) {
      return NgramTable.read(in);
    }
  }

  private static void check(Reply r, String what) throws IOException {
    if (r.status >= 300) {
      throw new IOException(what + " of the accent model's counts failed with HTTP " + r.status);
    }
  }
}
