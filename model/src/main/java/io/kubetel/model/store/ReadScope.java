package io.kubetel.model.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The deadline and the cancellation of the storage reads one caller makes on its thread. The API
 * server opens a scope per request ({@link #call}) with the request's deadline and cancels it when
 * the client goes away or the deadline passes; a store reads {@link #current()} to give the
 * database only the time left as its own execution limit, and registers ({@link #onCancel}) how to
 * stop a read already running, so abandoned work stops in the database too, not only in the server.
 *
 * <p>Cancellation may come from any thread (an event loop): the hooks must neither block nor throw
 * (one that throws does not keep the others from running).
 */
public final class ReadScope {
  private static final ThreadLocal<ReadScope> CURRENT = new ThreadLocal<>();

  /** No deadline, never cancelled: the scope of reads made outside any request. */
  public static final ReadScope NONE = new ReadScope(Clock.systemUTC(), Instant.MAX);

  private final Clock clock;
  private final Instant deadline;
  private final List<Runnable> hooks = new ArrayList<>(); // guarded by this
  private boolean cancelled; // guarded by this

  /** A scope whose reads must end by {@code deadline} ({@link Instant#MAX}: none). */
  public ReadScope(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  /** The scope of the calling thread; {@link #NONE} outside any. */
  public static ReadScope current() {
    ReadScope scope = CURRENT.get();
    return scope == null ? NONE : scope;
  }

  /**
   * Runs {@code work} with this scope as the calling thread's, restoring the previous one after.
   */
  public <T> T call(Callable<T> work) throws Exception {
    ReadScope previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return work.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** The time left before the deadline (zero or negative once passed); empty without deadline. */
  public Optional<Duration> remaining() {
    if (deadline.equals(Instant.MAX)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(clock.instant(), deadline));
  }

  /** Whether reads of this scope must not start: cancelled, or the deadline passed. */
  public synchronized boolean isOver() {
    return cancelled || remaining().map(d -> d.isZero() || d.isNegative()).orElse(false);
  }

  /**
   * Registers how to stop a read that is running; the hook runs (once) when the scope is cancelled,
   * at once if it already was. Close the registration when the read ended.
   */
  public Registration onCancel(Runnable stop) {
    if (this == NONE) {
      return () -> {}; // never cancelled: nothing to remember
    }
    boolean runNow;
    synchronized (this) {
      runNow = cancelled;
      if (!runNow) {
        hooks.add(stop);
      }
    }
    if (runNow) {
      runQuietly(stop);
      return () -> {};
    }
    return () -> {
      synchronized (this) {
        hooks.remove(stop);
      }
    };
  }

  /** Cancels the scope: reads not yet started do not start, running ones are stopped. */
  public void cancel() {
    if (this == NONE) {
      return; // shared by every read outside a request
    }
    List<Runnable> toRun;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      toRun = List.copyOf(hooks);
      hooks.clear();
    }
    toRun.forEach(ReadScope::runQuietly);
  }

  private static void runQuietly(Runnable hook) {
    try {
      hook.run();
    } catch (RuntimeException e) {
      // A failed stop leaves the read to its own execution limit; the canceller never fails.
    }
  }

  /** Ends a {@link #onCancel} registration. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
