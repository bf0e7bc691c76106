package io.kubetel.anomaly.tracking;

/**
 * What changed for one series after a point: an anomaly started firing (it has lasted the minimum
 * duration) or a firing anomaly resolved. An alert evaluator notifies on these; anomalies shorter
 * than the minimum duration never fire.
 *
 * @param kind firing or resolved
 * @param anomaly the anomaly as it stands
 */
public record AnomalyTransition(Kind kind, AnomalyInterval anomaly) {

  /** The two transitions an alert cares about. */
  public enum Kind {
    FIRING,
    RESOLVED
  }
}
