package io.kubetel.anomaly;

/**
 * How readily an alert calls a value anomalous. Medium is the parameter set tuned on the anomaly
 * benchmark's tuning split (docs/anomaly.md); Low and High are its neighbours in the tuning grid.
 */
public enum Sensitivity {
  LOW,
  MEDIUM,
  HIGH
}
