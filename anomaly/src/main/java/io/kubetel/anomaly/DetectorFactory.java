package io.kubetel.anomaly;

/**
 * Makes the detectors of one kind with one set of parameters: a fresh one per series, or one
 * restored from the bytes an earlier detector of the same factory saved.
 */
public interface DetectorFactory {

  /** A short name for reports and logs, e.g. {@code rcf}. */
  String name();

  /** The parameters, as one line for reports ({@code key=value ...}). */
  String describe();

  /** A fresh detector that has learned nothing. */
  AnomalyDetector create();

  /**
   * A detector resuming from saved state.
   *
   * @throws IllegalArgumentException when the bytes are not this factory's state
   */
  AnomalyDetector restore(byte[] state);
}
