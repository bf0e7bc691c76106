package io.kubetel.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Stream;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code kubetel_apiserver_inflight_requests}: a watch counts while open, nothing once answered.
 */
class InflightRequestsTest {
  private static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";

  @Test
  void openRequestsAreInFlightUntilTheyEnd() throws Exception {
    try (TestApiServer server =
        TestApiServer.serving(
            new InMemoryTelemetryStore(), Clock.systemUTC(), ResourceSettings.DEFAULTS)) {
      assertThat(server.get(LOGS, "application/json").status()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(5)).until(() -> server.requestMetrics.inflight() == 0);

      try (Stream watch = server.stream(LOGS + "?watch=true", "application/json")) {
        assertThat(watch.status).isEqualTo(200);
        assertThat(server.requestMetrics.inflight()).isEqualTo(1);
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> server.requestMetrics.inflight() == 0);
    }
  }
}
