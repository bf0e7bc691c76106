package io.kubetel.archfixture.alerting_uses_only_model_and_anomaly.alerting;

/** Breaks the rule: the evaluator reaching into the store instead of the model's interfaces. */
public class StoreAwareEvaluator {
  io.kubetel.archfixture.alerting_uses_only_model_and_anomaly.store.Gateway gateway;
}
