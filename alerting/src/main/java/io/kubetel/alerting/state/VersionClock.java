package io.kubetel.alerting.state;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Microseconds since the epoch, strictly increasing within the process: the version of every event
 * and notification-log row (the newest row wins when reading them back).
 */
public final class VersionClock {
  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  public VersionClock(Clock clock) {
    this.clock = clock;
  }

  public long next() {
    java.time.Instant now = clock.instant();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return last.updateAndGet(prev -> Math.max(prev + 1, micros));
  }

  /** Never hands out a version at or below {@code seen} (one restored from the database). */
  public void observe(long seen) {
    last.accumulateAndGet(seen, Math::max);
  }
}
