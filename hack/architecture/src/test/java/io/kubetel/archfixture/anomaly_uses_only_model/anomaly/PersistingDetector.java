package io.kubetel.archfixture.anomaly_uses_only_model.anomaly;

/** Breaks the rule: a detector saving its own state through the store. */
public class PersistingDetector {
  io.kubetel.archfixture.anomaly_uses_only_model.store.Gateway gateway;
}
