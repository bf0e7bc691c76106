package io.kubetel.alerting.anomaly;

import io.kubetel.anomaly.AnomalyDetectors;
import io.kubetel.anomaly.DetectorFactory;
import io.kubetel.anomaly.Sensitivity;

/**
 * The parameters of one rule's Anomaly condition ({@code spec.condition.anomaly}). Two parses of a
 * rule with equal settings share the learned detectors; changed settings start them afresh (state
 * learned with other parameters would judge wrongly).
 *
 * @param sensitivity how readily a value is called anomalous
 * @param seasonMillis the season's length, 0 for none (the Random Cut Forest)
 * @param minimumMillis how long a series must stay anomalous before it fires
 */
public record AnomalySettings(Sensitivity sensitivity, long seasonMillis, long minimumMillis) {

  /** The detectors these settings call for. */
  public DetectorFactory detectors() {
    return AnomalyDetectors.forAlert(sensitivity, seasonMillis);
  }
}
