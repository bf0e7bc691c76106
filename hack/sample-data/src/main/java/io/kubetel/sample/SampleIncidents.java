package io.kubetel.sample;

import java.time.Duration;
import java.time.Instant;

/**
 * Three realistic incidents in the demo's history, placed relative to the end of the first history
 * load so the demo's anomaly scan finds them on its first pass (no hand-set threshold):
 *
 * <ul>
 *   <li>a latency step: {@code checkout}'s {@code POST /checkout} gets five times slower for ten
 *       minutes, 25 minutes before the load's end (a bad deploy, rolled back);
 *   <li>an error burst: {@code payment}'s {@code POST /pay} answers about 15 requests a scrape with
 *       500 for four minutes, 12 minutes before the end (a downstream outage);
 *   <li>a slow leak: the first {@code ledger} pod's memory grows 6 MB a minute for 30 minutes
 *       until, 10 minutes before the end, it is killed and restarts at its usual size.
 * </ul>
 *
 * A loader resumed soon after (its history starts after the incidents) generates none of them
 * again; one resumed after a longer stop fills the gap, incidents included.
 */
final class SampleIncidents {
  static final Duration STEP_START = Duration.ofMinutes(25);
  static final Duration STEP_LENGTH = Duration.ofMinutes(10);
  static final Duration BURST_START = Duration.ofMinutes(12);
  static final Duration BURST_LENGTH = Duration.ofMinutes(4);
  static final Duration LEAK_START = Duration.ofMinutes(40);
  static final Duration LEAK_LENGTH = Duration.ofMinutes(30);
  static final double LEAK_BYTES_PER_MINUTE = 6e6;

  private final Instant anchor;

  /**
   * @param anchor the end of the first history load; null for no incidents
   */
  SampleIncidents(Instant anchor) {
    this.anchor = anchor;
  }

  /** No incidents (tests, resumed loads). */
  static SampleIncidents none() {
    return new SampleIncidents(null);
  }

  /** How much slower requests of {@code service}'s {@code route} are at {@code t}. */
  double latencyFactor(String service, String route, Instant t) {
    return service.equals("checkout")
            && route.equals("POST /checkout")
            && in(t, STEP_START, STEP_LENGTH)
        ? 5
        : 1;
  }

  /** Extra 500 answers of {@code service}'s {@code route} in the scrape at {@code t}. */
  long extraErrors(String service, String route, Instant t) {
    return service.equals("payment")
            && route.equals("POST /pay")
            && in(t, BURST_START, BURST_LENGTH)
        ? 15
        : 0;
  }

  /** Leaked bytes of {@code pod} (index {@code podIndex} of its service) at {@code t}. */
  double leakedBytes(SampleTopology.Pod pod, int podIndex, Instant t) {
    if (anchor == null || !pod.service().equals("ledger") || podIndex != 0) {
      return 0;
    }
    if (!in(t, LEAK_START, LEAK_LENGTH)) {
      return 0;
    }
    double minutes = Duration.between(anchor.minus(LEAK_START), t).toMillis() / 60_000.0;
    return minutes * LEAK_BYTES_PER_MINUTE;
  }

  /**
   * Whether {@code t} is in the incident starting {@code before} the anchor and lasting {@code
   * length}.
   */
  private boolean in(Instant t, Duration before, Duration length) {
    if (anchor == null) {
      return false;
    }
    Instant start = anchor.minus(before);
    return !t.isBefore(start) && t.isBefore(start.plus(length));
  }
}
