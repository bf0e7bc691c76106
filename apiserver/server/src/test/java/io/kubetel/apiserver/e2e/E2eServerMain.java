package io.kubetel.apiserver.e2e;

import io.kubetel.apiserver.ApiServerMain;

/**
 * Test-only entry point: the real {@link ApiServerMain} and resource handlers with an empty store
 * injected through the store seam, so platform ITs run without ClickHouse. Data-bearing ITs start
 * {@link ApiServerMain} itself with {@code --clickhouse-url}.
 */
public final class E2eServerMain {
  private E2eServerMain() {}

  public static void main(String[] args) {
    System.exit(ApiServerMain.run(args, clickhouse -> new EmptyTelemetryStore()));
  }
}
