package io.kubetel.archfixture.anomaly_free_of_cycles.anomaly.rcf;

/** Breaks the rule: with eval.Scorer, a cycle between two packages of one module. */
public class Forest {
  io.kubetel.archfixture.anomaly_free_of_cycles.anomaly.eval.Scorer scorer;
}
