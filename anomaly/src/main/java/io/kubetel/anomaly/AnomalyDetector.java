package io.kubetel.anomaly;

/**
 * One series' streaming anomaly detector: it learns online from the points it is given, in time
 * order, and judges each point as it arrives. Not thread-safe: one series, one caller at a time.
 * Its whole learned state fits in {@link #saveState()}, so a restart or a leader change resumes
 * where it stopped (restore through the {@link DetectorFactory} that made it).
 */
public interface AnomalyDetector {

  /**
   * Learns from one point and judges it.
   *
   * @param timestampMillis the point's time, epoch milliseconds, not before the previous point's
   * @param value the observed value (non-finite values are judged normal and not learned)
   */
  Verdict update(long timestampMillis, double value);

  /** The learned state as bytes, restorable by the factory that made this detector. */
  byte[] saveState();
}
