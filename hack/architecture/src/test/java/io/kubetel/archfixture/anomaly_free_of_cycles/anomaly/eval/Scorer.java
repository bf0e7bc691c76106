package io.kubetel.archfixture.anomaly_free_of_cycles.anomaly.eval;

/** Breaks the rule: with rcf.Forest, a cycle between two packages of one module. */
public class Scorer {
  io.kubetel.archfixture.anomaly_free_of_cycles.anomaly.rcf.Forest forest;
}
