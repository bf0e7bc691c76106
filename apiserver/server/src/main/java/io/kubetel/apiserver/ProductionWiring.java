package io.kubetel.apiserver;

/**
 * The factories the production binary uses. Until the ClickHouse store and the resource handlers
 * land on this branch, the store factory fails startup with a clear message; the e2e harness
 * supplies its own factories through {@link ApiServerMain#run}.
 */
final class ProductionWiring {
  private ProductionWiring() {}

  static StoreFactory stores() {
    return config -> {
      throw new IllegalStateException("this build contains no ClickHouse store implementation yet");
    };
  }

  static HandlerFactory handlers() {
    return dependencies -> java.util.List.of();
  }
}
