package io.kubetel.apiserver.e2e;

import io.kubetel.apiserver.ApiServerMain;
import io.kubetel.store.testing.InMemoryTelemetryStore;

/**
 * Test-only entry point: the real {@link ApiServerMain} and resource handlers with the empty
 * in-memory store (held to the store contract) injected through the store seam, so platform ITs run
 * without ClickHouse. Data-bearing ITs start {@link ApiServerMain} itself with {@code
 * --clickhouse-url}.
 */
public final class E2eServerMain {
  private E2eServerMain() {}

  public static void main(String[] args) {
    System.exit(ApiServerMain.run(args, clickhouse -> new InMemoryTelemetryStore()));
  }
}
