package io.kubetel.apiserver.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubetel.apiserver.http.RequestMetrics;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.model.store.TelemetryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness follows the cached ping and never calls the store from the probe. */
class StoreReadinessTest {
  private final Vertx vertx = Vertx.vertx();
  private final WorkerExecutor worker = vertx.createSharedWorkerExecutor("test-store", 1);
  private final AtomicBoolean storeUp = new AtomicBoolean(false);
  private final AtomicInteger pings = new AtomicInteger();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private final TelemetryStore store =
      (TelemetryStore)
          Proxy.newProxyInstance(
              TelemetryStore.class.getClassLoader(),
              new Class<?>[] {TelemetryStore.class},
              (proxy, method, args) -> {
                if (method.getName().equals("ping")) {
                  pings.incrementAndGet();
                  if (!storeUp.get()) {
                    throw new StoreUnavailableException("down", null);
                  }
                  return null;
                }
                throw new AssertionError("readiness must only ping, not " + method.getName());
              });

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void followsThePingAndCountsFailures() {
    StoreReadiness readiness =
        new StoreReadiness(
            vertx,
            worker,
            store,
            Duration.ofMillis(100),
            new RequestMetrics(registry),
            Clock.systemUTC());
    readiness.start();

    await().atMost(Duration.ofSeconds(10)).until(() -> pings.get() >= 2);
    assertThat(readiness.ready()).isFalse();
    assertThat(
            registry.get("kubetel.apiserver.store.errors").tag("source", "ping").counter().count())
        .isGreaterThanOrEqualTo(1);

    storeUp.set(true);
    await().atMost(Duration.ofSeconds(10)).until(readiness::ready);

    int before = pings.get();
    for (int i = 0; i < 100; i++) {
      assertThat(readiness.ready()).isTrue();
    }
    assertThat(pings.get() - before).isLessThan(100);

    storeUp.set(false);
    await().atMost(Duration.ofSeconds(10)).until(() -> !readiness.ready());
    readiness.stop();
  }
}
