package io.kubetel.archfixture.store_free_of_server_cli_types.store;

/** Breaks the rule: a store reader returning a Vert.x future. */
public class VertxReader {
  io.vertx.core.Future<String> read() {
    return null;
  }
}
