package org.vnpress.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL peer: a throwaway cluster ({@code initdb} + {@code pg_ctl}, run as user {@code
 * postgres} when the bench runs as root) in a temporary folder, listening on a free loopback port,
 * removed at the end. Full text with {@code unaccent} + {@code simple}, a GIN index, {@code
 * ts_rank_cd}, {@code ts_headline} on the top 10 and facet counts by GROUP BY.
 */
final class PostgresPeer implements SearchEngine {

  private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  private final Path dir;
  private final int port;
  private final boolean asPostgres;

  private PostgresPeer(Path dir, int port, boolean asPostgres) {
    this.dir = dir;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Why PostgreSQL 15 cannot run here, or null when it can. */
  static String unavailable() {
    if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
      return "PostgreSQL 15 is not installed (apt-get install -y postgresql): skipping it";
    }
    return null;
  }

  /** Starts a cluster and loads the releases of the vnpress index into it. */
  static PostgresPeer start(Path vnpressIndex, PrintStream log) throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("vnpress-pg-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    PostgresPeer pg = new PostgresPeer(dir, port, root);
    try {
      if (root) {
        run(List.of("chown", "postgres:postgres", dir.toString()), 30);
      }
      pg.pg(
          List.of(
              BIN.resolve("initdb").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-A",
              "trust",
              "-U",
              "postgres",
              "-E",
              "UTF8",
              "--locale=C.UTF-8"),
          120);
      pg.pg(
          List.of(
              BIN.resolve("pg_ctl").toString(),
              "-D",
              dir.resolve("data").toString(),
              "-l",
              dir.resolve("log").toString(),
              "-w",
              "-t",
              "60",
              "-o",
              "-p "
                  + port
                  + " -k "
                  + dir
                  + " -c listen_addresses=127.0.0.1 -c shared_buffers=512MB"
                  + " -c work_mem=64MB -c maintenance_work_mem=512MB -c fsync=off"
                  + " -c synchronous_commit=off -c full_page_writes=off -c max_parallel_workers_per_gather=0",
              "start"),
          120);
      long t0 = System.nanoTime();
      int n = pg.load(vnpressIndex);
      log.printf(
          Locale.ROOT,
          "  postgres: loaded and indexed %,d documents in %.1f s (port %d)%n",
          n,
          (System.nanoTime() - t0) / 1e9,
          port);
      return pg;
    } catch (Exception e) {
      pg.close();
      throw e;
    }
  }

  private void pg(List<String> cmd, int seconds) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(cmd);
    run(full, seconds);
  }

  private static void run(List<String> cmd, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          cmd.get(asIndex(cmd))
              + " failed: "
              + new String(out, java.nio.charset.StandardCharsets.UTF_8).strip());
    }
  }

  private static int asIndex(List<String> cmd) {
    return cmd.get(0).equals("runuser") ? 4 : 0;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres?reWriteBatchedInserts=true",
        "postgres",
        "");
  }

  private int load(Path vnpressIndex) throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION unaccent");
      s.execute("CREATE TEXT SEARCH CONFIGURATION vn (COPY = simple)");
      s.execute(
          "ALTER TEXT SEARCH CONFIGURATION vn ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple");
      s.execute(
          "CREATE TABLE docs(rid int PRIMARY KEY, id text, title text, body text, tsv tsvector)");
      s.execute("CREATE TABLE facet(rid int, dim text, value text)");
      c.setAutoCommit(false);
      int n;
      try (PreparedStatement doc =
              c.prepareStatement(
                  "INSERT INTO docs VALUES (?, ?, ?, ?, setweight(to_tsvector('vn', ?), 'A') || to_tsvector('vn', ?))");
          PreparedStatement facet = c.prepareStatement("INSERT INTO facet VALUES (?, ?, ?)")) {
        n =
            StoredReleases.forEach(
                vnpressIndex,
                (row, r, facets) -> {
                  String title = StoredReleases.title(r);
                  doc.setInt(1, row);
                  doc.setString(2, r.id());
                  doc.setString(3, title);
                  doc.setString(4, r.body());
                  doc.setString(5, title);
                  doc.setString(6, r.body());
                  doc.addBatch();
                  for (StoredReleases.FacetRow f : facets) {
                    facet.setInt(1, row);
                    facet.setString(2, f.dim());
                    facet.setString(3, f.value());
                    facet.addBatch();
                  }
                  if (row % 500 == 0) {
                    doc.executeBatch();
                    facet.executeBatch();
                    c.commit();
                  }
                });
        doc.executeBatch();
        facet.executeBatch();
        c.commit();
      }
      c.setAutoCommit(true);
      s.execute("CREATE INDEX docs_tsv ON docs USING gin(tsv)");
      s.execute("CREATE INDEX facet_dim_value ON facet(dim, value, rid)");
      s.execute("CREATE INDEX facet_rid ON facet(rid, dim, value)");
      s.execute("VACUUM ANALYZE");
      return n;
    }
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public Client client() throws SQLException {
    Connection c = connect();
    return new Client() {
      @Override
      public long search(QueryMix.Query q) throws SQLException {
        String filter = "";
        String value = null;
        if (q.district() != null) {
          filter = " AND d.rid IN (SELECT rid FROM facet WHERE dim = 'district' AND value = ?)";
          value = q.district();
        } else if (q.quarter() != null) {
          filter = " AND d.rid IN (SELECT rid FROM facet WHERE dim = 'quarter' AND value = ?)";
          value = q.quarter();
        }
        String matched =
            "SELECT d.rid FROM docs d WHERE d.tsv @@ websearch_to_tsquery('vn', ?)" + filter;
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT t.id, ts_headline('vn', t.title, t.q, 'HighlightAll=true, StartSel=<mark>, StopSel=</mark>'),"
                    + " ts_headline('vn', t.body, t.q, 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=24, MinWords=10')"
                    + " FROM (SELECT d.id, d.title, d.body, q, ts_rank_cd(d.tsv, q) AS score"
                    + " FROM docs d, websearch_to_tsquery('vn', ?) q WHERE d.tsv @@ q"
                    + filter
                    + " ORDER BY score DESC LIMIT 10) t ORDER BY t.score DESC")) {
          bind(p, q.q(), value);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              rs.getString(2);
              rs.getString(3);
            }
          }
        }
        long total;
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM (" + matched + ") m")) {
          bind(p, q.q(), value);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT f.dim, f.value, count(*) AS n FROM ("
                    + matched
                    + ") m JOIN facet f ON f.rid = m.rid"
                    + " GROUP BY f.dim, f.value ORDER BY f.dim, n DESC")) {
          bind(p, q.q(), value);
          Fts5Peer.FacetTop top = new Fts5Peer.FacetTop();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              top.add(rs.getString(1), rs.getString(2), rs.getLong(3));
            }
          }
        }
        return total;
      }

      @Override
      public void close() throws SQLException {
        c.close();
      }
    };
  }

  private static void bind(PreparedStatement p, String q, String value) throws SQLException {
    p.setString(1, q);
    if (value != null) {
      p.setString(2, value);
    }
  }

  /** Stops the cluster and deletes its folder. */
  @Override
  public void close() throws Exception {
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        pg(
            List.of(
                BIN.resolve("pg_ctl").toString(),
                "-D",
                dir.resolve("data").toString(),
                "-m",
                "immediate",
                "-w",
                "stop"),
            60);
      }
    } finally {
      CorpusReader.delete(dir);
    }
  }
}
