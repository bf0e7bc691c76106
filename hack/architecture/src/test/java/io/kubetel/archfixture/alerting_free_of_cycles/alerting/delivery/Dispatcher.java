package io.kubetel.archfixture.alerting_free_of_cycles.alerting.delivery;

/** Breaks the rule: with evaluation.Evaluator, a cycle between two packages of one module. */
public class Dispatcher {
  io.kubetel.archfixture.alerting_free_of_cycles.alerting.evaluation.Evaluator other;
}
