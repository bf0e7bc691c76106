package io.kubetel.apiserver.e2e;

import io.kubetel.apiserver.ApiServerMain;

/**
 * Test-only entry point: the real {@link ApiServerMain} with test wiring injected through its seams
 * (an empty store and stub handlers), so platform ITs run without ClickHouse.
 */
public final class E2eServerMain {
  private E2eServerMain() {}

  public static void main(String[] args) {
    System.exit(
        ApiServerMain.run(
            args, config -> new EmptyTelemetryStore(), dependencies -> StubResourceHandler.all()));
  }
}
