package org.vnpress.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vnpress.extract.PressRelease;
import org.vnpress.index.BatchLedger;
import org.vnpress.index.ReleaseWriter;

/**
 * The write side of {@link OpenSearchBackend}. A cluster cannot roll back, so a batch does the next
 * best thing: before each bulk request it fetches the documents that the request will replace or
 * delete and keeps them in a temporary file; when the batch fails it deletes the ids it created and
 * writes those copies back. Writes from this process are serialised; the cluster makes bulk
 * requests visible by its own refresh (every second by default), so searches may see part of a
 * batch before it commits, and the repair after a failure needs the cluster to answer.
 */
final class OpenSearchWrites {

  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchWrites.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Actions per bulk request, and the bytes they may hold: a few MB is what OpenSearch likes. */
  private static final int BULK = 500;

  private static final long BULK_BYTES = 8L << 20;

  private final OpenSearchHosts cluster;
  private final String index;
  private final Semaphore lock = new Semaphore(1, true);
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private volatile String problem;

  OpenSearchWrites(OpenSearchHosts cluster, String index) {
    this.cluster = cluster;
    this.index = index;
  }

  private String path(String rest) {
    return java.net.URLEncoder.encode(index, StandardCharsets.UTF_8) + rest;
  }

  /** A release as the JSON document OpenSearch stores. */
  record Prepared(String id, String source) implements ReleaseWriter.Prepared {}

  Prepared prepare(PressRelease r) throws IOException {
    return new Prepared(r.id(), JSON.writeValueAsString(OpenSearchMapping.source(r)));
  }

  ReleaseWriter.State state() {
    return new ReleaseWriter.State(problem, commits.get(), errors.get());
  }

  ReleaseWriter.Batch begin() throws IOException {
    try {
      lock.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for the writer");
    }
    return new Batch();
  }

  /** One action of a bulk request: an index with its source, or a delete (null source). */
  private record Action(String id, String source) {}

  private final class Batch implements ReleaseWriter.Batch {
    private final BatchLedger ledger = new BatchLedger();
    private final List<Action> pending = new ArrayList<>();
    private long pendingBytes;
    private boolean sent;
    private boolean ended;

    /** Copies of the documents this batch replaced or deleted: {@code id TAB source} lines. */
    private Path undo;

    private BufferedWriter undoOut;

    private void open() {
      if (ended) {
        throw new IllegalStateException("the batch has ended");
      }
    }

    @Override
    public void put(ReleaseWriter.Prepared release) throws IOException {
      open();
      if (!(release instanceof Prepared p)) {
        throw new IllegalArgumentException("not prepared for OpenSearch: " + release);
      }
      pending.add(new Action(p.id(), p.source()));
      pendingBytes += p.source().length();
      ledger.put(p.id());
      if (pending.size() >= BULK || pendingBytes >= BULK_BYTES) {
        flush();
      }
    }

    @Override
    public void delete(String id) throws IOException {
      open();
      pending.add(new Action(id, null));
      ledger.deleted(id);
      if (pending.size() >= BULK) {
        flush();
      }
    }

    /** Saves what the pending actions will overwrite, then sends them. */
    private void flush() throws IOException {
      if (pending.isEmpty()) {
        return;
      }
      try {
        Set<String> fresh = new LinkedHashSet<>();
        for (Action a : pending) {
          if (!ledger.knows(a.id())) {
            fresh.add(a.id());
          }
        }
        if (!fresh.isEmpty()) {
          saveCopies(fresh);
        }
        sent = true;
        bulk(pending);
      } catch (IOException | RuntimeException e) {
        errors.incrementAndGet();
        throw e;
      }
      pending.clear();
      pendingBytes = 0;
    }

    private void saveCopies(Set<String> ids) throws IOException {
      ObjectNode req = JSON.createObjectNode();
      ids.forEach(req.putArray("ids")::add);
      OpenSearchHosts.Answer a =
          cluster.call("POST", path("/_mget"), JSON.writeValueAsString(req), "application/json");
      if (a.status() >= 300) {
        throw OpenSearchHosts.failed("reading the documents a batch replaces", a);
      }
      for (JsonNode d : a.body().path("docs")) {
        String id = d.path("_id").asText();
        boolean found = d.path("found").asBoolean();
        if (found) {
          if (undoOut == null) {
            undo = Files.createTempFile("vnpress-undo-", ".tsv");
            undoOut = Files.newBufferedWriter(undo, StandardCharsets.UTF_8);
          }
          undoOut.write(JSON.writeValueAsString(id));
          undoOut.write('\t');
          undoOut.write(JSON.writeValueAsString(d.path("_source")));
          undoOut.write('\n');
        }
        ledger.before(id, found);
      }
      if (undoOut != null) {
        undoOut.flush();
      }
    }

    private void bulk(List<Action> actions) throws IOException {
      StringBuilder nd = new StringBuilder();
      for (Action a : actions) {
        ObjectNode action = JSON.createObjectNode();
        action
            .putObject(a.source() == null ? "delete" : "index")
            .put("_index", index)
            .put("_id", a.id());
        nd.append(JSON.writeValueAsString(action)).append('\n');
        if (a.source() != null) {
          nd.append(a.source()).append('\n');
        }
      }
      OpenSearchHosts.Answer r =
          cluster.call("POST", "_bulk", nd.toString(), "application/x-ndjson");
      if (r.status() >= 300) {
        throw OpenSearchHosts.failed("bulk write", r);
      }
      for (JsonNode item : r.body().path("items")) {
        JsonNode op = item.has("index") ? item.path("index") : item.path("delete");
        if (op.has("error")) {
          throw new IOException(
              "writing " + op.path("_id").asText() + " failed: " + op.path("error").toString());
        }
      }
    }

    @Override
    public ReleaseWriter.Counts commit() throws IOException {
      open();
      flush();
      refresh();
      ended = true;
      commits.incrementAndGet();
      problem = null;
      end();
      return ledger.counts();
    }

    private void refresh() throws IOException {
      OpenSearchHosts.Answer r = cluster.call("POST", path("/_refresh"), null, null);
      if (r.status() >= 300) {
        throw OpenSearchHosts.failed("refresh", r);
      }
    }

    @Override
    public void close() throws IOException {
      if (ended) {
        return;
      }
      ended = true;
      try {
        if (sent) {
          repair();
        }
      } finally {
        end();
      }
    }

    /** Deletes what the batch created and writes back what it replaced or deleted. */
    private void repair() throws IOException {
      try {
        List<Action> actions = new ArrayList<>();
        for (String id : ledger.created()) {
          actions.add(new Action(id, null));
          if (actions.size() >= BULK) {
            bulk(actions);
            actions.clear();
          }
        }
        if (undoOut != null) {
          undoOut.close();
          undoOut = null;
          try (BufferedReader in = Files.newBufferedReader(undo, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
              int tab = line.indexOf('\t');
              actions.add(
                  new Action(
                      JSON.readValue(line.substring(0, tab), String.class),
                      line.substring(tab + 1)));
              if (actions.size() >= BULK) {
                bulk(actions);
                actions.clear();
              }
            }
          }
        }
        if (!actions.isEmpty()) {
          bulk(actions);
        }
        refresh();
        LOG.warn(
            "a failed batch was undone: {} documents deleted again, copies written back",
            ledger.created().size());
      } catch (IOException | RuntimeException e) {
        errors.incrementAndGet();
        problem =
            "a failed batch could not be undone ("
                + e.getMessage()
                + "); documents it touched may hold their new version";
        LOG.error(problem);
        throw new IOException(problem, e);
      }
    }

    private void end() throws IOException {
      try {
        if (undoOut != null) {
          undoOut.close();
        }
        if (undo != null) {
          Files.deleteIfExists(undo);
        }
      } finally {
        lock.release();
      }
    }
  }
}
