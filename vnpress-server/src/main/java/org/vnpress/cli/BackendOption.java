package org.vnpress.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.vnpress.opensearch.OpenSearchBackend;
import org.vnpress.search.SearchBackend;
import picocli.CommandLine.Option;

/** {@code --backend URL}: search and store in an OpenSearch cluster instead of the local index. */
final class BackendOption {
  @Option(
      names = "--backend",
      paramLabel = "URL[,URL…]",
      split = ",",
      description =
          "OpenSearch cluster to use instead of the local index, e.g. http://127.0.0.1:9200;"
              + " several nodes comma-separated: a request moves on to the next when one is down")
  List<URI> urls;

  @Option(
      names = "--backend-index",
      paramLabel = "NAME",
      description = "index name in the cluster (default: ${DEFAULT-VALUE})")
  String name = "vnpress";

  @Option(
      names = "--shards",
      description = "primary shards when the index is created (default: ${DEFAULT-VALUE})")
  int shards = OpenSearchBackend.Layout.DEFAULT.shards();

  @Option(
      names = "--replicas",
      description = "replicas of each shard when the index is created (default: ${DEFAULT-VALUE})")
  int replicas = OpenSearchBackend.Layout.DEFAULT.replicas();

  /** Whether {@code --backend} was given. */
  boolean given() {
    return urls != null && !urls.isEmpty();
  }

  SearchBackend open() throws IOException {
    return OpenSearchBackend.open(urls, name, new OpenSearchBackend.Layout(shards, replicas));
  }
}
