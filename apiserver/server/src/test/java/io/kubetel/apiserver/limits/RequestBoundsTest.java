package io.kubetel.apiserver.limits;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Reply;
import io.kubetel.apiserver.testing.TestApiServer.Stream;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each request bound hit on purpose through the production router and handlers: the answer is a
 * Status naming the bound and the server keeps answering.
 */
class RequestBoundsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";

  private final InMemoryTelemetryStore store = new InMemoryTelemetryStore();
  private final MutableClock clock = new MutableClock(NOW);
  private TestApiServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private void start(ResourceSettings settings, ServerLimits limits) throws Exception {
    server =
        new TestApiServer(
            List.of(),
            w -> TelemetryResources.create(store, w, clock, settings, ContinueKey.random()),
            limits);
  }

  private void addLogs(int count) {
    for (int i = 0; i < count; i++) {
      store.addLog(
          log(
              "log-" + i,
              "shop",
              NOW.minusSeconds(60).plusMillis(i),
              "INFO",
              "cart",
              "hello",
              "",
              Map.of()));
    }
  }

  @Test
  void aSelectorStorageCannotNarrowStopsAtTheRowsBudget() throws Exception {
    addLogs(200);
    start(
        ResourceSettings.DEFAULTS.withPageSize(10),
        ServerLimits.DEFAULTS.withWork(Duration.ofMinutes(1), 50));

    // service>0 is pushed down as "has a service" and matches no "cart" in memory.
    Reply reply = server.get(LOGS + "?labelSelector=service%3E0", "application/json");

    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("kind").asText()).isEqualTo("Status");
    assertThat(reply.json().path("message").asText()).contains("--max-rows-per-request");
    // It stopped soon after the budget: 6 pages of 10, not all 20.
    assertThat(store.listCalls.get()).isLessThanOrEqualTo(6);
    assertThat(server.get(LOGS + "?limit=5", "application/json").status()).isEqualTo(200);
  }

  @Test
  void aRequestPastItsDeadlineIsATimeoutStatus() throws Exception {
    addLogs(3000);
    start(
        ResourceSettings.DEFAULTS.withPageSize(1),
        ServerLimits.DEFAULTS.withWork(Duration.ofMillis(1), Long.MAX_VALUE));

    Reply reply = server.get(LOGS + "?labelSelector=service%3E0", "application/json");

    assertThat(reply.status()).as(reply.body()).isEqualTo(504);
    assertThat(reply.json().path("reason").asText()).isEqualTo("Timeout");
    assertThat(reply.json().path("message").asText()).contains("--request-timeout");
    // The paging loop stopped too: far fewer reads than the 3000 pages.
    int calls = store.listCalls.get();
    Thread.sleep(200);
    assertThat(store.listCalls.get()).isLessThan(3000).isLessThanOrEqualTo(calls + 1);
  }

  @Test
  void watchesBeyondThePerUserLimitAreTooManyRequests() throws Exception {
    start(ResourceSettings.DEFAULTS, ServerLimits.DEFAULTS.withWatches(1, 10));

    try (Stream first = server.stream(LOGS + "?watch=true", "application/json")) {
      assertThat(first.status).isEqualTo(200);
      Reply second = server.get(LOGS + "?watch=true", "application/json");

      assertThat(second.status()).as(second.body()).isEqualTo(429);
      assertThat(second.json().path("reason").asText()).isEqualTo("TooManyRequests");
      assertThat(second.json().path("message").asText()).contains("--max-watches-per-user=1");
      assertThat(second.retryAfter()).isNotNull();
    }
    // The slot is given back when the watch's connection closes.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              try (Stream again = server.stream(LOGS + "?watch=true", "application/json")) {
                assertThat(again.status).isEqualTo(200);
              }
            });
  }

  @Test
  void watchesBeyondTheServerLimitAreTooManyRequests() throws Exception {
    start(ResourceSettings.DEFAULTS, ServerLimits.DEFAULTS.withWatches(10, 1));

    try (Stream first = server.stream(LOGS + "?watch=true", "application/json")) {
      assertThat(first.status).isEqualTo(200);
      Reply second = server.get(LOGS + "?watch=true", "application/json");

      assertThat(second.status()).isEqualTo(429);
      assertThat(second.json().path("message").asText()).contains("--max-watches=1");
    }
  }

  @Test
  void aWatchPollWithMoreChangesThanItMaySendEndsWithExpired() throws Exception {
    addLogs(150); // 10 pages of 10 per poll at most
    start(
        ResourceSettings.DEFAULTS
            .withPageSize(10)
            .withWatch(Duration.ofMillis(50), Duration.ofMinutes(1)),
        ServerLimits.DEFAULTS);

    try (Stream s = server.stream(LOGS + "?watch=true", "application/json")) {
      JsonNode event = s.next(10);

      assertThat(event).isNotNull();
      assertThat(event.path("type").asText()).isEqualTo("ERROR");
      assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
      assertThat(event.path("object").path("reason").asText()).isEqualTo("Expired");
      assertThat(event.path("object").path("message").asText()).contains("list again");
      await().atMost(Duration.ofSeconds(5)).until(() -> s.ended);
    }
  }

  @Test
  void aProbeWithABodyIsRefusedBeforeAuthentication() throws Exception {
    start(ResourceSettings.DEFAULTS, ServerLimits.DEFAULTS);

    Reply reply =
        server.send(
            io.vertx.core.http.HttpMethod.GET,
            "/readyz",
            "application/json",
            "text/plain",
            "x".repeat(4096));

    assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    assertThat(reply.json().path("reason").asText()).isEqualTo("RequestEntityTooLarge");
  }
}
