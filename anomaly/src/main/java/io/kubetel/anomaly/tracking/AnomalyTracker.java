package io.kubetel.anomaly.tracking;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.DetectorFactory;
import io.kubetel.anomaly.Verdict;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Many series' detectors and their open anomalies: feed each series' points in time order with
 * {@link #observe}, get back when an anomaly starts firing (it has lasted {@code minimumMillis}) or
 * resolves. Detector state per series is exported with {@link #saveState} and restored with {@link
 * #restoreState}, so the owner can persist it (kubetel's own database) and survive a restart or a
 * leader change. Open anomalies are not part of the saved state: after a restart a still-anomalous
 * series opens a new one. Not thread-safe.
 */
public final class AnomalyTracker {
  private final DetectorFactory factory;
  private final long minimumMillis;
  private final Map<String, AnomalyDetector> detectors = new HashMap<>();
  private final Map<String, Run> open = new HashMap<>();

  public AnomalyTracker(DetectorFactory factory, long minimumMillis) {
    if (minimumMillis < 0) {
      throw new IllegalArgumentException("minimum duration must not be negative");
    }
    this.factory = factory;
    this.minimumMillis = minimumMillis;
  }

  /** Judges one point of one series; a transition when an anomaly starts firing or resolves. */
  public Optional<AnomalyTransition> observe(String series, long timestampMillis, double value) {
    Verdict verdict =
        detectors.computeIfAbsent(series, s -> factory.create()).update(timestampMillis, value);
    Run run = open.get(series);
    if (!verdict.anomalous()) {
      if (run == null) {
        return Optional.empty();
      }
      open.remove(series);
      return run.firing
          ? Optional.of(
              new AnomalyTransition(AnomalyTransition.Kind.RESOLVED, run.interval(series, true)))
          : Optional.empty();
    }
    if (run == null) {
      run = new Run(timestampMillis);
      open.put(series, run);
    }
    run.add(timestampMillis, value, verdict);
    if (!run.firing && run.end - run.start >= minimumMillis) {
      run.firing = true;
      return Optional.of(
          new AnomalyTransition(AnomalyTransition.Kind.FIRING, run.interval(series, false)));
    }
    return Optional.empty();
  }

  /** The open anomaly of a series that is firing, if any (for status). */
  public Optional<AnomalyInterval> firing(String series) {
    Run run = open.get(series);
    return run != null && run.firing ? Optional.of(run.interval(series, false)) : Optional.empty();
  }

  /** The learned state of one series' detector, if it has one. */
  public Optional<byte[]> saveState(String series) {
    return Optional.ofNullable(detectors.get(series)).map(AnomalyDetector::saveState);
  }

  /**
   * Resumes a series from saved state.
   *
   * @throws IllegalArgumentException when the bytes are not this factory's state
   */
  public void restoreState(String series, byte[] state) {
    detectors.put(series, factory.restore(state));
  }

  /** Forgets a series (it stopped reporting). */
  public void forget(String series) {
    detectors.remove(series);
    open.remove(series);
  }

  /** One open run of anomalous points. */
  private static final class Run {
    private final long start;
    private long end;
    private boolean firing;
    private Verdict worst;
    private double worstValue;

    Run(long start) {
      this.start = start;
      this.end = start;
    }

    void add(long timestampMillis, double value, Verdict verdict) {
      end = timestampMillis;
      if (worst == null || verdict.grade() > worst.grade()) {
        worst = verdict;
        worstValue = value;
      }
    }

    AnomalyInterval interval(String series, boolean resolved) {
      return new AnomalyInterval(
          series,
          start,
          end,
          worst.grade(),
          worst.expectedLow(),
          worst.expectedHigh(),
          worstValue,
          resolved);
    }
  }
}
