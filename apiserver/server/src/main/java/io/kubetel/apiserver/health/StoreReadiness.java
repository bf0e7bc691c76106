package io.kubetel.apiserver.health;

import io.kubetel.apiserver.http.RequestMetrics;
import io.kubetel.model.store.TelemetryStore;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cached storage health: pings the store periodically on the worker pool and remembers the outcome,
 * so {@code /readyz} answers instantly and never waits on ClickHouse. A result older than three
 * intervals (a ping stuck on the pool) counts as a failure. Logs only transitions.
 */
public final class StoreReadiness {
  private static final Logger log = LoggerFactory.getLogger(StoreReadiness.class);

  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final TelemetryStore store;
  private final Duration interval;
  private final RequestMetrics metrics;
  private final Clock clock;
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private volatile Instant lastSuccess;
  private volatile boolean healthy;
  private volatile boolean everChecked;
  private long timerId = -1;

  public StoreReadiness(
      Vertx vertx,
      WorkerExecutor worker,
      TelemetryStore store,
      Duration interval,
      RequestMetrics metrics,
      Clock clock) {
    this.vertx = vertx;
    this.worker = worker;
    this.store = store;
    this.interval = interval;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Pings now and then every interval. */
  public void start() {
    ping();
    timerId = vertx.setPeriodic(interval.toMillis(), id -> ping());
  }

  public void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  /** Whether the last ping succeeded recently enough. */
  public boolean ready() {
    Instant success = lastSuccess;
    return healthy
        && success != null
        && !success.plus(interval.multipliedBy(3)).isBefore(clock.instant());
  }

  private void ping() {
    if (!inFlight.compareAndSet(false, true)) {
      return; // the previous ping is still running; staleness will show in ready()
    }
    worker
        .executeBlocking(
            () -> {
              store.ping();
              return null;
            },
            false)
        .onComplete(
            result -> {
              inFlight.set(false);
              boolean ok = result.succeeded();
              if (ok) {
                lastSuccess = clock.instant();
              } else {
                metrics.pingError();
              }
              if (ok != healthy || !everChecked) {
                if (ok) {
                  log.info("event=store_ready");
                } else {
                  log.warn(
                      "event=store_unready error=\"{}\"",
                      result.cause().getClass().getSimpleName());
                }
              }
              healthy = ok;
              everChecked = true;
            });
  }
}
