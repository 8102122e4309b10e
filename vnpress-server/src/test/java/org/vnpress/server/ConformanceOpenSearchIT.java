package org.vnpress.server;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vnpress.search.SearchBackend;

/**
 * Every golden case of {@link ConformanceTest} against the two-node OpenSearch cluster, over the
 * same bundled data: the backends give the same answers (profile {@code opensearch}).
 */
@ExtendWith(OpenSearchCluster.class)
class ConformanceOpenSearchIT extends ConformanceTest {
  @Override
  SearchBackend backend() throws IOException {
    return OpenSearchCluster.get().bundled();
  }
}
