package io.kubetel.archfixture.store_no_http_vertx_fabric8_cli.store;

/** Breaks the rule: a store reader returning a Vert.x future. */
public class VertxReader {
  io.vertx.core.Future<String> read() {
    return null;
  }
}
