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

  /** These settings as one line, stored beside the state they were learned with. */
  public String encode() {
    return "sensitivity=" + sensitivity + " season=" + seasonMillis + " minimum=" + minimumMillis;
  }

  /** The settings {@link #encode} wrote, or empty when the text is not such a line. */
  public static java.util.Optional<AnomalySettings> decode(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("sensitivity=(\\w+) season=(\\d+) minimum=(\\d+)")
            .matcher(text);
    if (!m.matches()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new AnomalySettings(
              Sensitivity.valueOf(m.group(1)),
              Long.parseLong(m.group(2)),
              Long.parseLong(m.group(3))));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  /** The detectors these settings call for. */
  public DetectorFactory detectors() {
    return AnomalyDetectors.forAlert(sensitivity, seasonMillis);
  }
}
