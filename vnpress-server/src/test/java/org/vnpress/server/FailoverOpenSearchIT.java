package org.vnpress.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vnpress.Fixtures;
import org.vnpress.extract.PressRelease;
import org.vnpress.opensearch.OpenSearchBackend;

/**
 * One of two nodes dies (SIGKILL) while searches run: with one replica no search fails, and ingest
 * goes on on the surviving node. The server is given both nodes, the one that dies first, so its
 * requests must move to the other. Runs last in its JVM: the cluster stays one node short.
 */
@ExtendWith(OpenSearchCluster.class)
class FailoverOpenSearchIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void killingANodeDuringASearchLoopFailsNoSearchAndIngestResumes() throws Exception {
    OpenSearchCluster cluster = OpenSearchCluster.get();
    // two shards, one replica each: both nodes hold data, so the kill loses primaries
    OpenSearchBackend backend =
        OpenSearchBackend.open(
            cluster.url(), "vnpress-failover", new OpenSearchBackend.Layout(2, 1));
    backend.dropIndex();
    backend =
        OpenSearchBackend.open(
            cluster.url(), "vnpress-failover", new OpenSearchBackend.Layout(2, 1));
    List<PressRelease> seeds = Fixtures.seedReleases();
    backend.ingest(seeds);
    // every replica in place first: a copy still recovering would die with the node
    cluster.awaitGreen();
    // the server talks to the node that will die first, and knows the other
    OpenSearchBackend b =
        OpenSearchBackend.open(
            List.of(cluster.dataNodeUrl(), cluster.url()),
            "vnpress-failover",
            new OpenSearchBackend.Layout(2, 1));
    JavalinTest.test(
        App.create(
            b,
            new org.vnpress.extract.Sources(org.vnpress.extract.Extractor.standard()),
            ServerConfig.local(0, null)),
        (server, client) -> {
          AtomicBoolean stop = new AtomicBoolean();
          AtomicInteger ok = new AtomicInteger();
          List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
          Thread loop =
              new Thread(
                  () -> {
                    while (!stop.get()) {
                      try {
                        var r = client.get("/api/search?q=" + "qu%E1%BA%ADn");
                        String body = r.body().string();
                        JsonNode j = JSON.readTree(body);
                        if (r.code() != 200 || j.path("total").asLong() == 0) {
                          failures.add(r.code() + " " + body);
                        } else {
                          ok.incrementAndGet();
                        }
                      } catch (Exception e) {
                        // anything at all ends up in the assertion, never kills the loop silently
                        failures.add(e.toString());
                      }
                    }
                  });
          loop.start();
          // searches must be answering before the kill
          for (int i = 0; i < 60 && ok.get() + failures.size() == 0; i++) {
            Thread.sleep(1000);
          }
          Thread.sleep(2000);
          int before = ok.get();
          cluster.killDataNode();
          Thread.sleep(15000);
          stop.set(true);
          loop.join();
          assertThat(failures).isEmpty();
          assertThat(before).isPositive();
          assertThat(ok.get()).isGreaterThan(before);

          // ingest resumes: the surviving copies became primaries
          PressRelease again = seeds.get(0);
          assertThat(b.ingest(List.of(again)).replaced()).isEqualTo(1);
          assertThat(b.count()).isEqualTo(seeds.size());
        });
  }
}
