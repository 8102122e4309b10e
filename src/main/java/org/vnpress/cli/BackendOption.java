package org.vnpress.cli;

import java.io.IOException;
import java.net.URI;
import org.vnpress.search.OpenSearchBackend;
import org.vnpress.search.SearchBackend;
import picocli.CommandLine.Option;

/** {@code --backend URL}: search and store in an OpenSearch cluster instead of the local index. */
final class BackendOption {
  @Option(
      names = "--backend",
      paramLabel = "URL",
      description = "OpenSearch cluster to use instead of the local index, e.g. http://127.0.0.1:9200")
  URI url;

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

  SearchBackend open() throws IOException {
    return OpenSearchBackend.open(url, name, new OpenSearchBackend.Layout(shards, replicas));
  }
}
