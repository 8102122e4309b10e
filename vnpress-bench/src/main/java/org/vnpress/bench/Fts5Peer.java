package org.vnpress.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQLite FTS5 peer, as a careful SQLite user would write the same search: {@code unicode61
 * remove_diacritics 2}, bm25 ranking, {@code snippet()} and {@code highlight()}, facet counts by
 * GROUP BY over the matches, which are collected once per query into a temporary table.
 */
final class Fts5Peer implements SearchEngine {

  private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

  private final Path db;

  private Fts5Peer(Path db) {
    this.db = db;
  }

  /** Opens the database built earlier, or builds it from the vnpress index first. */
  static Fts5Peer open(Path db, Path vnpressIndex, java.io.PrintStream log) throws Exception {
    Path done = db.resolveSibling(db.getFileName() + ".complete");
    if (!Files.exists(done)) {
      Files.deleteIfExists(db);
      long t0 = System.nanoTime();
      int n = build(db, vnpressIndex);
      log.printf(
          java.util.Locale.ROOT,
          "  fts5: loaded %,d documents in %.1f s (%,.1f MB)%n",
          n,
          (System.nanoTime() - t0) / 1e9,
          Files.size(db) / 1048576.0);
      Files.writeString(done, "ok\n");
    }
    return new Fts5Peer(db);
  }

  private static Connection connect(Path db) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
  }

  private static int build(Path db, Path vnpressIndex) throws Exception {
    try (Connection c = connect(db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=OFF");
      s.execute("PRAGMA synchronous=OFF");
      s.execute(
          "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')");
      s.execute("CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT)");
      s.execute("CREATE TABLE facet(rowid INTEGER, dim TEXT, value TEXT)");
      c.setAutoCommit(false);
      int n;
      try (PreparedStatement doc =
              c.prepareStatement("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)");
          PreparedStatement meta = c.prepareStatement("INSERT INTO meta(rowid, id) VALUES (?,?)");
          PreparedStatement facet = c.prepareStatement("INSERT INTO facet VALUES (?,?,?)")) {
        n =
            StoredReleases.forEach(
                vnpressIndex,
                (row, r, facets) -> {
                  doc.setInt(1, row);
                  doc.setString(2, StoredReleases.title(r));
                  doc.setString(3, r.body());
                  doc.executeUpdate();
                  meta.setInt(1, row);
                  meta.setString(2, r.id());
                  meta.executeUpdate();
                  for (StoredReleases.FacetRow f : facets) {
                    facet.setInt(1, row);
                    facet.setString(2, f.dim());
                    facet.setString(3, f.value());
                    facet.executeUpdate();
                  }
                  if (row % 5_000 == 0) {
                    c.commit();
                  }
                });
      }
      c.commit();
      s.execute("CREATE INDEX facet_dim_value ON facet(dim, value, rowid)");
      s.execute("CREATE INDEX facet_row ON facet(rowid, dim, value)");
      s.execute("INSERT INTO fts(fts) VALUES ('optimize')");
      c.commit();
      c.setAutoCommit(true);
      s.execute("ANALYZE");
      return n;
    }
  }

  @Override
  public String name() {
    return "fts5";
  }

  /** FTS5 syntax for a user query: every word and phrase quoted, all required. */
  static String match(String q) {
    List<String> parts = new ArrayList<>();
    Matcher m = TOKEN.matcher(q);
    while (m.find()) {
      String t = m.group(1) != null ? m.group(1) : m.group(2);
      // unicode61 splits 15-NQ/TW into 15 NQ TW: a phrase of its pieces matches the number
      String words = t.replaceAll("[^\\p{L}\\p{M}\\p{N}]+", " ").strip();
      if (!words.isEmpty()) {
        parts.add("\"" + words + "\"");
      }
    }
    return String.join(" ", parts);
  }

  @Override
  public Client client() throws SQLException {
    Connection c = connect(db);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA temp_store=MEMORY");
      s.execute("PRAGMA cache_size=-262144");
      s.execute("CREATE TEMP TABLE hits(rowid INTEGER PRIMARY KEY)");
    }
    return new Client() {
      @Override
      public long search(QueryMix.Query q) throws SQLException {
        String match = match(q.q());
        String filter = "";
        List<String> args = new ArrayList<>();
        args.add(match);
        if (q.district() != null) {
          filter = " AND rowid IN (SELECT rowid FROM facet WHERE dim = 'district' AND value = ?)";
          args.add(q.district());
        } else if (q.quarter() != null) {
          filter = " AND rowid IN (SELECT rowid FROM facet WHERE dim = 'quarter' AND value = ?)";
          args.add(q.quarter());
        }
        try (Statement s = c.createStatement()) {
          s.execute("DELETE FROM hits");
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO hits SELECT rowid FROM fts WHERE fts MATCH ?" + filter)) {
          bind(p, args);
          p.executeUpdate();
        }
        long total;
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT count(*) FROM hits")) {
          rs.next();
          total = rs.getLong(1);
        }
        // top 10 with title highlight and body snippet
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT meta.id, highlight(fts, 0, '<mark>', '</mark>'),"
                    + " snippet(fts, 1, '<mark>', '</mark>', '…', 24), bm25(fts) AS score"
                    + " FROM fts JOIN meta ON meta.rowid = fts.rowid WHERE fts MATCH ?"
                    + filter.replace("rowid IN", "fts.rowid IN")
                    + " ORDER BY score LIMIT 10")) {
          bind(p, args);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              rs.getString(1);
              rs.getString(2);
              rs.getString(3);
            }
          }
        }
        // every facet: top 10 values of district, document, doctype; all quarters and years
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery(
                    "SELECT f.dim, f.value, count(*) AS n FROM hits JOIN facet f ON f.rowid = hits.rowid"
                        + " GROUP BY f.dim, f.value ORDER BY f.dim, n DESC")) {
          FacetTop top = new FacetTop();
          while (rs.next()) {
            top.add(rs.getString(1), rs.getString(2), rs.getLong(3));
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

  private static void bind(PreparedStatement p, List<String> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      p.setString(i + 1, args.get(i));
    }
  }

  /** Keeps what the page shows of the GROUP BY rows: 10 per dimension, all quarters and years. */
  static final class FacetTop {
    private final java.util.Map<String, List<String>> kept = new java.util.HashMap<>();

    void add(String dim, String value, long count) {
      List<String> l = kept.computeIfAbsent(dim, d -> new ArrayList<>());
      if (dim.equals("quarter") || dim.equals("year") || l.size() < 10) {
        l.add(value + "=" + count);
      }
    }
  }
}
