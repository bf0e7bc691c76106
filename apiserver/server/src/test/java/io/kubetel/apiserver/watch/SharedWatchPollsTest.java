package io.kubetel.apiserver.watch;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.TelemetryResources;
import io.kubetel.apiserver.cache.CacheScope;
import io.kubetel.apiserver.paging.ContinueKey;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.resource.WatchSharing;
import io.kubetel.apiserver.testing.TestApiServer;
import io.kubetel.apiserver.testing.TestApiServer.Stream;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Watches sharing one poll, over HTTP: N watches of one selector make one storage read per poll
 * (after each one's own first read), each still gets its events, other selectors poll apart, and
 * the poll stops with its last watch.
 */
class SharedWatchPollsTest {
  static final String LOGS = "/apis/telemetry.kubetel.io/v1alpha1/namespaces/shop/logs";
  static final Duration INTERVAL = Duration.ofMillis(150);
  // Four plus one other-selector watch: the test client pools five connections.
  static final int WATCHERS = 4;

  final Clock clock = Clock.systemUTC();
  final InMemoryTelemetryStore store = new InMemoryTelemetryStore(clock);
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  Vertx timers;
  SharedWatchPolls polls;
  TestApiServer server;

  @BeforeEach
  void start() throws Exception {
    store.addLog(
        log("old", "shop", clock.instant().minusSeconds(60), "INFO", "cart", "x", "", Map.of()));
    ResourceSettings settings =
        ResourceSettings.DEFAULTS.withWatch(INTERVAL, Duration.ofMinutes(1));
    timers = Vertx.vertx();
    server =
        new TestApiServer(
            w -> {
              polls =
                  new SharedWatchPolls(
                      timers, w, clock, INTERVAL, settings.watchHorizon(), registry);
              return TelemetryResources.create(
                  new TelemetryResources.Reads(
                      store, store, Optional.of(new WatchSharing(polls, CacheScope.SERVER))),
                  Optional.empty(),
                  w,
                  clock,
                  settings,
                  ContinueKey::random,
                  Optional.empty());
            });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    timers.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  double sharedReads() {
    return registry.get("kubetel.apiserver.watch.shared.polls").counter().count();
  }

  double deliveries() {
    return registry.get("kubetel.apiserver.watch.shared.poll.deliveries").counter().count();
  }

  @Test
  void watchesOfOneSelectorShareOnePollAndEachGetsItsEvents() throws Exception {
    String rv = String.valueOf(clock.millis());
    List<Stream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < WATCHERS; i++) {
        streams.add(server.stream(LOGS + "?watch=true&resourceVersion=" + rv, "application/json"));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> polls.active() == 1 && sharedReads() >= 3);
      // Each watch read once alone (from its resourceVersion); every later read is shared.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> assertThat(store.listCalls.get()).isEqualTo(WATCHERS + (int) sharedReads()));
      store.addLog(log("new", "shop", clock.instant(), "WARN", "cart", "y", "", Map.of()));
      for (Stream s : streams) {
        JsonNode event = s.next(10);
        assertThat(event).isNotNull();
        assertThat(event.path("type").asText()).isEqualTo("ADDED");
        assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("new");
      }
      double reads = sharedReads();
      await().atMost(Duration.ofSeconds(10)).until(() -> sharedReads() >= reads + 2);
      // Once all have joined, every shared read is offered to every watch.
      assertThat(deliveries()).isGreaterThanOrEqualTo((sharedReads() - reads) * WATCHERS);
      for (Stream s : streams) {
        assertThat(s.next(0)).as("no event twice").isNull();
      }

      // Another selector is another poll.
      try (Stream other =
          server.stream(
              LOGS + "?watch=true&fieldSelector=severity%3DWARN&resourceVersion=" + rv,
              "application/json")) {
        assertThat(other.next(10).path("object").path("metadata").path("name").asText())
            .isEqualTo("new");
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.active() == 2);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> polls.active() == 1);
    } finally {
      streams.forEach(Stream::close);
    }
    // The last watch leaving stops the poll: no more storage reads.
    await().atMost(Duration.ofSeconds(10)).until(() -> polls.active() == 0);
    int calls = store.listCalls.get();
    Thread.sleep(INTERVAL.toMillis() * 4);
    assertThat(store.listCalls.get()).isEqualTo(calls);
  }
}
