package org.vnpress.server;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vnpress.search.SearchBackend;

/**
 * Every {@link ApiFacetTest} against the two-node OpenSearch cluster (profile {@code opensearch}).
 */
@ExtendWith(OpenSearchCluster.class)
class ApiFacetOpenSearchIT extends ApiFacetTest {
  @Override
  SearchBackend backend() throws IOException {
    return OpenSearchCluster.get().seeded();
  }
}
