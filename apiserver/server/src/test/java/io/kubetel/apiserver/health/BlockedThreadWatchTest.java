package io.kubetel.apiserver.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kubetel.apiserver.testing.TestApiServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A blocked event loop is found: counted in the metric, kept for tests, and it fails the test
 * server's close() that every handler test goes through (the guard bites).
 */
class BlockedThreadWatchTest {

  private static void blockFor(Vertx vertx, long millis) {
    vertx.runOnContext(
        v -> {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void aBlockedEventLoopIsCountedAndKept() throws Exception {
    Vertx vertx =
        Vertx.vertx(
            new VertxOptions()
                .setBlockedThreadCheckInterval(50)
                .setMaxEventLoopExecuteTime(200)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      BlockedThreadWatch watch = BlockedThreadWatch.install(vertx, registry);
      assertThat(watch.eventLoopFindings()).isEmpty();

      blockFor(vertx, 700);

      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(watch.eventLoopFindings()).isNotEmpty());
      assertThat(watch.eventLoopFindings().get(0)).contains("eventloop", "blocked for");
      assertThat(
              registry.get("kubetel.blocked.threads").tag("kind", "event-loop").counter().count())
          .isGreaterThanOrEqualTo(1);
      assertThat(registry.get("kubetel.blocked.threads").tag("kind", "worker").counter().count())
          .isZero();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theTestServerFailsWhenItsEventLoopWasBlocked() throws Exception {
    TestApiServer server = new TestApiServer(w -> List.of());
    blockFor(server.vertx, 1800);
    Thread.sleep(2200);

    assertThatThrownBy(server::close)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the event loop was blocked");
  }
}
