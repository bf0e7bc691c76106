package io.kubetel.apiserver.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One storage poll per interval for every watch of the same key (tenant, resource, namespace,
 * selectors, output detail): the poll reads from the oldest point any member still needs to now,
 * once, on the worker pool, and offers the result to each member, which keeps its own
 * resourceVersion, de-duplication and events ({@link WatchSession}). The first member to join
 * starts the poll; the last to leave stops it.
 *
 * <p>Meters: {@code kubetel_apiserver_watch_shared_polls_total} (storage reads of shared polls),
 * {@code kubetel_apiserver_watch_shared_poll_deliveries_total} (results offered to members: their
 * ratio is the sharing) and {@code kubetel_apiserver_watch_shared_polls_active}.
 */
public final class SharedWatchPolls {
  /** A watch fed by a shared poll. Its methods are called from the poll's threads. */
  public interface Member {
    /** The oldest instant this member still needs read (its last resourceVersion minus grace). */
    Instant neededFrom();

    /** A poll's outcome for {@code [from, asOf)}: items, or {@code failure} when not null. */
    void offer(List<WatchItem> items, Instant from, Instant asOf, Throwable failure);
  }

  /** A member's place in a shared poll; {@link #leave()} it when the watch ends. */
  @FunctionalInterface
  public interface Membership {
    void leave();
  }

  private static final Logger log = LoggerFactory.getLogger(SharedWatchPolls.class);

  private final Vertx vertx;
  private final WorkerExecutor workers;
  private final Clock clock;
  private final Duration interval;
  private final Duration horizon;
  private final ConcurrentMap<Object, Poll> polls = new ConcurrentHashMap<>();
  private final Counter reads;
  private final Counter deliveries;

  /**
   * @param interval time between two reads of one shared poll
   * @param horizon how far back a poll ever reads (a member needing older data is dropped by it)
   */
  public SharedWatchPolls(
      Vertx vertx,
      WorkerExecutor workers,
      Clock clock,
      Duration interval,
      Duration horizon,
      MeterRegistry registry) {
    this.vertx = vertx;
    this.workers = workers;
    this.clock = clock;
    this.interval = interval;
    this.horizon = horizon;
    this.reads =
        Counter.builder("kubetel.apiserver.watch.shared.polls")
            .description("Storage reads made by shared watch polls")
            .register(registry);
    this.deliveries =
        Counter.builder("kubetel.apiserver.watch.shared.poll.deliveries")
            .description("Shared watch poll results offered to watches")
            .register(registry);
    Gauge.builder("kubetel.apiserver.watch.shared.polls.active", polls, ConcurrentMap::size)
        .description("Shared watch polls running")
        .register(registry);
  }

  /**
   * Adds {@code member} to the poll of {@code key}, starting it (reading with {@code source}) when
   * it is the first.
   */
  public Membership join(Object key, WatchSource source, Member member) {
    polls.compute(
        key,
        (k, poll) -> {
          Poll p = poll == null ? new Poll(k, source) : poll;
          p.add(member);
          return p;
        });
    return () ->
        polls.computeIfPresent(
            key,
            (k, poll) -> {
              poll.remove(member);
              return poll.idle() ? null : poll;
            });
  }

  /** Shared polls running now. */
  public int active() {
    return polls.size();
  }

  /** The poll of one key. */
  private final class Poll {
    private final Object key;
    private final WatchSource source;
    private final Set<Member> members = new LinkedHashSet<>();
    private long timer = -1;
    private boolean reading;
    private boolean stopped;

    Poll(Object key, WatchSource source) {
      this.key = key;
      this.source = source;
      log.debug("event=shared_watch_poll_started key_hash={}", key.hashCode());
    }

    synchronized void add(Member member) {
      members.add(member);
      if (timer < 0 && !reading) {
        schedule();
      }
    }

    synchronized void remove(Member member) {
      members.remove(member);
      if (members.isEmpty()) {
        stopped = true;
        if (timer >= 0) {
          vertx.cancelTimer(timer);
          timer = -1;
        }
        log.debug("event=shared_watch_poll_stopped key_hash={}", key.hashCode());
      }
    }

    synchronized boolean idle() {
      return members.isEmpty();
    }

    private void schedule() {
      timer = vertx.setTimer(Math.max(1, interval.toMillis()), id -> tick());
    }

    private void tick() {
      Instant now = clock.instant();
      Instant from;
      synchronized (this) {
        timer = -1;
        if (stopped || members.isEmpty()) {
          return;
        }
        from = now;
        for (Member m : members) {
          Instant needed = m.neededFrom();
          if (needed.isBefore(from)) {
            from = needed;
          }
        }
        Instant oldest = now.minus(horizon);
        if (from.isBefore(oldest)) {
          from = oldest;
        }
        if (!from.isBefore(now)) {
          schedule();
          return;
        }
        reading = true;
      }
      Instant readFrom = from;
      reads.increment();
      workers
          .executeBlocking(() -> source.poll(readFrom, now), false)
          .onComplete(
              ar -> {
                List<Member> offered;
                synchronized (this) {
                  reading = false;
                  offered = List.copyOf(members);
                  if (!stopped && !members.isEmpty()) {
                    schedule();
                  }
                }
                deliveries.increment(offered.size());
                for (Member m : offered) {
                  m.offer(
                      ar.succeeded() ? ar.result() : List.of(),
                      readFrom,
                      now,
                      ar.succeeded() ? null : ar.cause());
                }
              });
    }
  }
}
