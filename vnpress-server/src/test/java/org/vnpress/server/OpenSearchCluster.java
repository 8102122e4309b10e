package org.vnpress.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vnpress.Fixtures;
import org.vnpress.opensearch.OpenSearchBackend;
import org.vnpress.search.SearchBackend;

/**
 * A real two-node OpenSearch cluster on loopback for the {@code opensearch} Maven profile: node 1
 * is cluster manager and data node (clients talk to it), node 2 is a data node that tests may kill.
 * Started once per test run from the distribution the build unpacked ({@code
 * vnpress.opensearch.home}, plugin installed), stopped when the run ends. With {@code
 * vnpress.opensearch.url} set, an already running cluster is used instead and nothing starts.
 */
public final class OpenSearchCluster implements BeforeAllCallback, AutoCloseable {

  /** Seeds indexed once per run for the API tests. */
  public static final String SEED_INDEX = "vnpress-seeds";

  public static final String BUNDLED_INDEX = "vnpress-bundled";

  // generous: on a loaded 2-core machine two nodes took over 5 minutes to start
  private static final Duration START_TIMEOUT =
      Duration.ofMinutes(Long.getLong("vnpress.opensearch.startMinutes", 12));
  private static final String JDK =
      System.getProperty("vnpress.opensearch.java", "/usr/lib/jvm/temurin-25-jdk-amd64");

  private static OpenSearchCluster running;

  private final List<Process> nodes = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();
  private Path root;
  private URI url;
  private URI dataNodeUrl;
  private OpenSearchBackend seededBackend;
  private OpenSearchBackend bundledBackend;

  /** Register with {@code @ExtendWith(OpenSearchCluster.class)}. */
  public OpenSearchCluster() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    // the root store closes the cluster when the whole run ends, not after each class
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(OpenSearchCluster.class, k -> start(), OpenSearchCluster.class);
  }

  /**
   * Starts a cluster for benchmarks and prints its address; stops the nodes on SIGTERM or when
   * standard input closes. {@code -Dvnpress.opensearch.home=target/opensearch/opensearch-3.6.0}
   */
  public static void main(String[] args) throws IOException {
    OpenSearchCluster c = start();
    Runtime.getRuntime().addShutdownHook(new Thread(c::close));
    System.out.println("cluster " + c.url + " (node dirs " + c.dirs + ")");
    System.out.flush();
    while (System.in.read() >= 0) {
      // keep running until stdin closes
    }
    c.close();
  }

  /** The running cluster. */
  public static synchronized OpenSearchCluster get() {
    if (running == null) {
      throw new IllegalStateException("no cluster: add @ExtendWith(OpenSearchCluster.class)");
    }
    return running;
  }

  public URI url() {
    return url;
  }

  /** The HTTP address of the node {@link #killDataNode()} kills (null on a given cluster). */
  public URI dataNodeUrl() {
    return dataNodeUrl;
  }

  /**
   * A backend over an index of the five seeds, created and filled on first use; the same backend
   * every time, as a server keeps one (its accent model has counted what it wrote).
   */
  public synchronized SearchBackend seeded() throws IOException {
    if (seededBackend == null) {
      OpenSearchBackend b =
          OpenSearchBackend.open(url, SEED_INDEX, OpenSearchBackend.Layout.DEFAULT);
      b.dropIndex();
      b = OpenSearchBackend.open(url, SEED_INDEX, OpenSearchBackend.Layout.DEFAULT);
      b.ingest(Fixtures.seedReleases());
      seededBackend = b;
    }
    return seededBackend;
  }

  /** A backend over an index of the bundled data (index-data/), created and filled on first use. */
  public synchronized SearchBackend bundled() throws IOException {
    if (bundledBackend == null) {
      OpenSearchBackend b =
          OpenSearchBackend.open(url, BUNDLED_INDEX, OpenSearchBackend.Layout.DEFAULT);
      b.dropIndex();
      b = OpenSearchBackend.open(url, BUNDLED_INDEX, OpenSearchBackend.Layout.DEFAULT);
      List<org.vnpress.extract.PressRelease> all = Fixtures.bundledReleases();
      for (int i = 0; i < all.size(); i += 500) {
        b.ingest(all.subList(i, Math.min(all.size(), i + 500)));
      }
      bundledBackend = b;
    }
    return bundledBackend;
  }

  private static synchronized OpenSearchCluster start() {
    OpenSearchCluster c = new OpenSearchCluster();
    try {
      String given = System.getProperty("vnpress.opensearch.url");
      if (given != null && !given.isBlank()) {
        c.url = URI.create(given);
      } else {
        c.launch();
      }
      c.awaitHealthy(given != null && !given.isBlank() ? 1 : 2);
    } catch (IOException e) {
      c.close();
      throw new UncheckedIOException(e);
    }
    running = c;
    return c;
  }

  private void launch() throws IOException {
    String home = System.getProperty("vnpress.opensearch.home");
    if (home == null) {
      throw new IllegalStateException("vnpress.opensearch.home is not set: run with -Popensearch");
    }
    Path dist = Path.of(home).toAbsolutePath();
    root = Files.createTempDirectory("vnpress-opensearch-");
    int[] http = {freePort(), freePort()};
    int[] transport = {freePort(), freePort()};
    String seeds = "[\"127.0.0.1:" + transport[0] + "\", \"127.0.0.1:" + transport[1] + "\"]";
    for (int i = 0; i < 2; i++) {
      Path dir = root.resolve("node-" + (i + 1));
      Path conf = dir.resolve("config");
      copyTree(dist.resolve("config"), conf);
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("tmp"));
      String yml =
          String.join(
              "\n",
              "cluster.name: vnpress-test",
              "node.name: node-" + (i + 1),
              // node 1 keeps the cluster managed while node 2 is killed
              "node.roles: " + (i == 0 ? "[cluster_manager, data, ingest]" : "[data, ingest]"),
              "network.host: 127.0.0.1",
              "http.port: " + http[i],
              "transport.port: " + transport[i],
              "path.data: " + dir.resolve("data"),
              "path.logs: " + dir.resolve("logs"),
              "discovery.seed_hosts: " + seeds,
              "cluster.initial_cluster_manager_nodes: [\"node-1\"]",
              // a small shared machine: do not refuse shards for disk watermarks
              "cluster.routing.allocation.disk.threshold_enabled: false",
              "");
      Files.writeString(conf.resolve("opensearch.yml"), yml, StandardCharsets.UTF_8);
      // the stock jvm.options writes gc logs relative to the distribution, which the node may not
      // own
      Path jvm = conf.resolve("jvm.options");
      String opts =
          Files.readString(jvm, StandardCharsets.UTF_8)
              .replace("file=logs/", "file=" + dir.resolve("logs") + "/")
              .replace("HeapDumpPath=data", "HeapDumpPath=" + dir.resolve("data"))
              .replace("ErrorFile=logs/", "ErrorFile=" + dir.resolve("logs") + "/")
              .replaceAll("(?m)^-Xm[sx]\\S+$", "");
      Files.writeString(jvm, opts, StandardCharsets.UTF_8);
      dirs.add(dir);
    }
    List<String> asUser = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // OpenSearch refuses to run as root: the nodes run as nobody, owning their own folders
      asUser.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
      if (!canRun(asUser, dist.resolve("bin/opensearch"))) {
        // a checkout under a private folder (/root, a 0700 CI workspace): nobody cannot reach the
        // distribution there, so the nodes run a copy inside their own folder
        Path copy = root.resolve("opensearch");
        copyTree(dist, copy);
        dist = copy;
      }
      chown(root);
    }
    for (int i = 0; i < 2; i++) {
      Path dir = dirs.get(i);
      List<String> cmd = new ArrayList<>(asUser);
      cmd.add(dist.resolve("bin/opensearch").toString());
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().put("OPENSEARCH_JAVA_HOME", JDK);
      pb.environment().put("OPENSEARCH_PATH_CONF", dir.resolve("config").toString());
      pb.environment().put("OPENSEARCH_TMPDIR", dir.resolve("tmp").toString());
      pb.environment().put("OPENSEARCH_JAVA_OPTS", "-Xms256m -Xmx512m");
      pb.redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile());
      nodes.add(pb.start());
    }
    url = URI.create("http://127.0.0.1:" + http[0]);
    dataNodeUrl = URI.create("http://127.0.0.1:" + http[1]);
  }

  /** Whether the user the command prefix switches to can read and run {@code script}. */
  private static boolean canRun(List<String> asUser, Path script) throws IOException {
    List<String> cmd = new ArrayList<>(asUser);
    cmd.addAll(List.of("test", "-r", script.toString(), "-a", "-x", script.toString()));
    try {
      return new ProcessBuilder(cmd).inheritIO().start().waitFor() == 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void chown(Path root) throws IOException {
    try {
      Process p =
          new ProcessBuilder("chown", "-R", "65534:65534", root.toString()).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IOException("chown of " + root + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Waits until the cluster has this many nodes and is at least yellow. */
  public void awaitHealthy(int nodeCount) throws IOException {
    awaitHealth(nodeCount, "yellow");
  }

  /** Waits until every shard copy is allocated: before a node may be killed. */
  public void awaitGreen() throws IOException {
    awaitHealth(2, "green");
  }

  private void awaitHealth(int nodeCount, String status) throws IOException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      for (Process p : nodes) {
        if (!p.isAlive() && nodes.indexOf(p) < nodeCount) {
          throw new IOException("an OpenSearch node exited at start; see " + dirs);
        }
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(
                        url.resolve(
                            "/_cluster/health?wait_for_nodes="
                                + nodeCount
                                + "&wait_for_status="
                                + status
                                + "&timeout=10s"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        last = r.body();
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      sleep(2000);
    }
    throw new IOException("cluster not healthy in " + START_TIMEOUT + ": " + last);
  }

  /** Kills node 2 (a data node) at once, as a crash would: SIGKILL, no shutdown. */
  public void killDataNode() {
    if (nodes.size() < 2) {
      throw new IllegalStateException("this cluster was not started here: cannot kill a node");
    }
    Process p = nodes.get(1);
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops every node this run started and waits for each to exit. */
  @Override
  public synchronized void close() {
    for (Process p : nodes) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : nodes) {
      try {
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    nodes.clear();
    running = null;
    if (root != null) {
      try {
        // data, logs and the copied config of both nodes: a run leaves nothing in /tmp
        IOUtils.rm(root);
      } catch (IOException e) {
        System.err.println("could not delete " + root + ": " + e);
      }
      root = null;
    }
  }
}
