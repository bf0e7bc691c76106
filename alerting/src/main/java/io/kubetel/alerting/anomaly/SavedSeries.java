package io.kubetel.alerting.anomaly;

import java.util.Arrays;

/**
 * The learned state of one series of one rule's Anomaly condition, as the host persists it.
 *
 * @param ruleKey {@code namespace/name} of the AlertRule
 * @param fingerprint the series' fingerprint within the rule
 * @param settings the parameters the detector was learned with (restored only into equal ones)
 * @param lastMillis the newest point the detector has learned (older points are not fed again)
 * @param state the detector's saved bytes
 */
public record SavedSeries(
    String ruleKey, String fingerprint, AnomalySettings settings, long lastMillis, byte[] state) {

  public SavedSeries {
    state = state.clone();
  }

  @Override
  public byte[] state() {
    return state.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SavedSeries s
        && ruleKey.equals(s.ruleKey)
        && fingerprint.equals(s.fingerprint)
        && settings.equals(s.settings)
        && lastMillis == s.lastMillis
        && Arrays.equals(state, s.state);
  }

  @Override
  public int hashCode() {
    return 31 * java.util.Objects.hash(ruleKey, fingerprint, settings, lastMillis)
        + Arrays.hashCode(state);
  }

  @Override
  public String toString() {
    return "SavedSeries[" + ruleKey + "/" + fingerprint + ", " + state.length + " bytes]";
  }
}
