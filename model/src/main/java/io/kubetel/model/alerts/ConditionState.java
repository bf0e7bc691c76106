package io.kubetel.model.alerts;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a stateful AlertRule condition (the Anomaly condition's learned detector) saved for one
 * series, kept in kubetel's own database so a restart or a new leader resumes instead of learning
 * again. The newest row per (namespace, rule, fingerprint) wins.
 *
 * @param settings the condition's parameters the state was learned with (opaque to the store)
 * @param lastMillis the newest point the state has learned
 * @param state the opaque saved bytes
 * @param version orders saves of one series (larger is newer)
 */
public record ConditionState(
    String namespace,
    String rule,
    String fingerprint,
    String settings,
    long lastMillis,
    byte[] state,
    long version) {

  public ConditionState {
    state = state.clone();
  }

  @Override
  public byte[] state() {
    return state.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConditionState c
        && namespace.equals(c.namespace)
        && rule.equals(c.rule)
        && fingerprint.equals(c.fingerprint)
        && settings.equals(c.settings)
        && lastMillis == c.lastMillis
        && version == c.version
        && Arrays.equals(state, c.state);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(namespace, rule, fingerprint, settings, lastMillis, version)
        + Arrays.hashCode(state);
  }

  @Override
  public String toString() {
    return "ConditionState["
        + namespace
        + "/"
        + rule
        + "/"
        + fingerprint
        + ", "
        + state.length
        + " bytes, version "
        + version
        + "]";
  }
}
