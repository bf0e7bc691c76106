package io.kubetel.apiserver.watch;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static io.kubetel.apiserver.testing.Fixtures.point;
import static io.kubetel.apiserver.testing.Fixtures.series;
import static io.kubetel.apiserver.testing.TestApiServer.TABLE_ACCEPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Stream;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watch streams over HTTP: events as fake data arrives, selectors, RV semantics, lifecycle. */
class WatchHandlerTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";
  static final String METRICS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/metrics";

  MutableClock clock;
  InMemoryTelemetryStore store;
  TestApiServer server;

  @BeforeEach
  void start() throws Exception {
    clock = new MutableClock(NOW);
    store = new InMemoryTelemetryStore();
    store.addLog(log("log-1", "shop", NOW.minusSeconds(60), "INFO", "cart", "hello", "", Map.of()));
    store.addSeries(
        series("latency-1", "shop", "latency", MetricType.GAUGE, "cart", "cart-1", Map.of()),
        List.of(point(NOW.minusSeconds(120), 1)));
    ResourceSettings settings =
        ResourceSettings.DEFAULTS.withWatch(Duration.ofMillis(50), Duration.ofMillis(200));
    server =
        new TestApiServer(
            w -> TelemetryResources.create(store, w, clock, settings, ContinueKey.random()));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String listRv(String path) {
    return server.get(path, TABLE_ACCEPT).json().path("metadata").path("resourceVersion").asText();
  }

  @Test
  void newRecordsArriveAsAddedTableEvents() throws Exception {
    String rv = listRv(LOGS);
    try (Stream s = server.stream(LOGS + "?watch=true&resourceVersion=" + rv, TABLE_ACCEPT)) {
      assertThat(s.status).isEqualTo(200);
      assertThat(s.contentType).isEqualTo("application/json;as=Table;v=v1;g=meta.k8s.io");
      store.addLog(
          log("log-2", "shop", NOW.plusSeconds(1), "ERROR", "cart", "failed", "", Map.of()));
      clock.advance(Duration.ofSeconds(2));
      JsonNode first = s.next(10);
      assertThat(first).isNotNull();
      assertThat(first.path("type").asText()).isEqualTo("ADDED");
      JsonNode table = first.path("object");
      assertThat(table.path("kind").asText()).isEqualTo("Table");
      assertThat(table.path("columnDefinitions")).isNotEmpty();
      assertThat(table.path("rows")).hasSize(1);
      assertThat(table.path("rows").get(0).path("cells").get(0).asText()).isEqualTo("log-2");
      assertThat(
              table
                  .path("rows")
                  .get(0)
                  .path("object")
                  .path("metadata")
                  .path("resourceVersion")
                  .asLong())
          .isGreaterThan(Long.parseLong(rv));

      store.addLog(log("log-3", "shop", NOW.plusSeconds(3), "INFO", "cart", "again", "", Map.of()));
      clock.advance(Duration.ofSeconds(2));
      JsonNode second = s.next(10);
      assertThat(second.path("object").path("columnDefinitions").isNull()).isTrue();
      assertThat(second.path("object").path("rows").get(0).path("cells").get(0).asText())
          .isEqualTo("log-3");
      // nothing is repeated although later polls re-read the lateness grace
      clock.advance(Duration.ofSeconds(2));
      assertThat(s.next(1)).isNull();
    }
  }

  @Test
  void selectorsApplyInsideTheStream() throws Exception {
    String rv = listRv(LOGS);
    try (Stream s =
        server.stream(
            LOGS + "?watch=1&fieldSelector=service%3Dcheckout&resourceVersion=" + rv,
            "application/json")) {
      store.addLog(log("log-cart", "shop", NOW.plusSeconds(1), "INFO", "cart", "x", "", Map.of()));
      store.addLog(
          log("log-co", "shop", NOW.plusSeconds(1), "INFO", "checkout", "y", "", Map.of()));
      clock.advance(Duration.ofSeconds(2));
      JsonNode e = s.next(10);
      assertThat(e.path("object").path("kind").asText()).isEqualTo("LogRecord");
      assertThat(e.path("object").path("metadata").path("name").asText()).isEqualTo("log-co");
      clock.advance(Duration.ofSeconds(2));
      assertThat(s.next(1)).isNull();
    }
  }

  @Test
  void seriesWithNewPointsAreModified() throws Exception {
    String rv = listRv(METRICS);
    try (Stream s = server.stream(METRICS + "?watch=true&resourceVersion=" + rv, TABLE_ACCEPT)) {
      store.addPoint("latency-1", point(NOW.plusSeconds(1), 42));
      clock.advance(Duration.ofSeconds(2));
      JsonNode e = s.next(10);
      assertThat(e.path("type").asText()).isEqualTo("MODIFIED");
      JsonNode cells = e.path("object").path("rows").get(0).path("cells");
      assertThat(cells.get(0).asText()).isEqualTo("latency-1");
      assertThat(cells.get(4).asDouble()).isEqualTo(42.0);
    }
  }

  @Test
  void withoutResourceVersionCurrentObjectsComeFirstAsAdded() throws Exception {
    try (Stream s = server.stream(LOGS + "?watch=true", "application/json")) {
      JsonNode e = s.next(10);
      assertThat(e.path("type").asText()).isEqualTo("ADDED");
      assertThat(e.path("object").path("metadata").path("name").asText()).isEqualTo("log-1");
    }
  }

  @Test
  void tooOldResourceVersionIsAn410ErrorEvent() throws Exception {
    long old = NOW.minus(Duration.ofHours(2)).toEpochMilli();
    try (Stream s = server.stream(LOGS + "?watch=true&resourceVersion=" + old, TABLE_ACCEPT)) {
      assertThat(s.status).isEqualTo(200);
      JsonNode e = s.next(10);
      assertThat(e.path("type").asText()).isEqualTo("ERROR");
      assertThat(e.path("object").path("kind").asText()).isEqualTo("Status");
      assertThat(e.path("object").path("code").asInt()).isEqualTo(410);
      assertThat(e.path("object").path("reason").asText()).isEqualTo("Expired");
      await().atMost(Duration.ofSeconds(5)).until(() -> s.ended);
    }
  }

  @Test
  void nonNumericResourceVersionIs400BeforeStreaming() {
    var r = server.get(LOGS + "?watch=true&resourceVersion=abc", TABLE_ACCEPT);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains("milliseconds since the epoch");
    assertThat(server.get(LOGS + "?watch=true&timeoutSeconds=x", null).status()).isEqualTo(400);
  }

  @Test
  void bookmarksOnlyWhenAllowed() throws Exception {
    String rv = listRv(LOGS);
    try (Stream s = server.stream(LOGS + "?watch=true&resourceVersion=" + rv, "application/json")) {
      for (int i = 0; i < 5; i++) {
        clock.advance(Duration.ofSeconds(1));
        Thread.sleep(60);
      }
      assertThat(s.next(1)).isNull();
    }
    try (Stream s =
        server.stream(
            LOGS + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv,
            "application/json")) {
      JsonNode e = null;
      for (int i = 0; i < 50 && e == null; i++) {
        clock.advance(Duration.ofSeconds(1));
        e = s.next(0);
        Thread.sleep(60);
      }
      e = e == null ? s.next(5) : e;
      assertThat(e.path("type").asText()).isEqualTo("BOOKMARK");
      assertThat(e.path("object").path("kind").asText()).isEqualTo("LogRecord");
      assertThat(e.path("object").path("metadata").path("resourceVersion").asLong())
          .isGreaterThan(Long.parseLong(rv));
    }
  }

  @Test
  void timeoutEndsTheStream() throws Exception {
    try (Stream s = server.stream(LOGS + "?watch=true&timeoutSeconds=1", "application/json")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> s.ended);
    }
  }

  @Test
  void pollingStopsWhenTheClientDisconnects() throws Exception {
    String rv = listRv(LOGS);
    Stream s = server.stream(LOGS + "?watch=true&resourceVersion=" + rv, "application/json");
    int before = store.listCalls.get();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              clock.advance(Duration.ofSeconds(1));
              return store.listCalls.get() > before + 2;
            });
    s.close();
    Thread.sleep(300);
    int afterClose = store.listCalls.get();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      Thread.sleep(60);
    }
    assertThat(store.listCalls.get()).isLessThanOrEqualTo(afterClose + 1);
  }

  @Test
  void storageOutageEndsTheStreamWithA503Event() throws Exception {
    String rv = listRv(LOGS);
    try (Stream s = server.stream(LOGS + "?watch=true&resourceVersion=" + rv, "application/json")) {
      store.failWith(() -> new StoreUnavailableException("down", null));
      JsonNode e = null;
      for (int i = 0; i < 100 && e == null; i++) {
        clock.advance(Duration.ofSeconds(1));
        e = s.next(0);
        Thread.sleep(30);
      }
      e = e == null ? s.next(5) : e;
      assertThat(e.path("type").asText()).isEqualTo("ERROR");
      assertThat(e.path("object").path("code").asInt()).isEqualTo(503);
    }
  }
}
