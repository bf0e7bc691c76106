package io.kubetel.apiserver.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports threads Vert.x finds blocked past their limits: an event loop running one task longer
 * than {@code maxEventLoopExecuteTime} (2 s by default) stalls every connection it serves, which is
 * why ClickHouse and Kubernetes calls belong on the worker pools. Each finding is one structured
 * log line ({@code event=event_loop_blocked}) and a count in {@code kubetel_blocked_threads_total}
 * by kind ({@code event-loop}, {@code worker}); tests fail on any event-loop finding.
 */
public final class BlockedThreadWatch {
  private static final Logger log = LoggerFactory.getLogger(BlockedThreadWatch.class);
  private static final int KEPT = 20;

  private final Counter eventLoops;
  private final Counter workers;
  private final List<String> eventLoopFindings = new CopyOnWriteArrayList<>();

  private BlockedThreadWatch(MeterRegistry registry) {
    this.eventLoops = counter(registry, "event-loop");
    this.workers = counter(registry, "worker");
  }

  private static Counter counter(MeterRegistry registry, String kind) {
    return Counter.builder("kubetel.blocked.threads")
        .description("Threads Vert.x found blocked past their limit, by kind")
        .tag("kind", kind)
        .register(registry);
  }

  /** Watches the threads of {@code vertx} (in place of Vert.x's own multi-line warning). */
  public static BlockedThreadWatch install(Vertx vertx, MeterRegistry registry) {
    BlockedThreadWatch watch = new BlockedThreadWatch(registry);
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(watch::blocked);
    return watch;
  }

  private void blocked(BlockedThreadEvent event) {
    String thread = event.thread().getName();
    long millis = event.duration() / 1_000_000;
    long limitMillis = event.maxExecTime() / 1_000_000;
    if (thread.contains("eventloop")) {
      eventLoops.increment();
      if (eventLoopFindings.size() < KEPT) {
        eventLoopFindings.add(thread + " blocked for " + millis + " ms");
      }
      StackTraceElement[] stack = event.thread().getStackTrace();
      log.warn(
          "event=event_loop_blocked thread={} millis={} limit_millis={} at=\"{}\"",
          thread,
          millis,
          limitMillis,
          stack.length == 0 ? "" : stack[0]);
    } else {
      workers.increment();
      log.warn(
          "event=worker_blocked thread={} millis={} limit_millis={}", thread, millis, limitMillis);
    }
  }

  /** The event-loop findings so far (the first {@value #KEPT}), e.g. for a test's assertion. */
  public List<String> eventLoopFindings() {
    return List.copyOf(eventLoopFindings);
  }
}
