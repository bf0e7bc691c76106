package io.kubetel.archfixture.alerting_free_of_cycles.alerting.evaluation;

/** Breaks the rule: with delivery.Dispatcher, a cycle between two packages of one module. */
public class Evaluator {
  io.kubetel.archfixture.alerting_free_of_cycles.alerting.delivery.Dispatcher other;
}
