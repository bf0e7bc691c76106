package io.kubetel.alerting.delivery;

import java.time.Duration;

/** Waits between delivery attempts; tests pass one that only records and moves their clock. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration d) throws InterruptedException;

  /** The real one. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
