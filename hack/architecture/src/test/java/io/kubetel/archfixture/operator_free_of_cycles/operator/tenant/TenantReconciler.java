package io.kubetel.archfixture.operator_free_of_cycles.operator.tenant;

/** Breaks the rule: with conditions.Conditions, a cycle between two packages of one module. */
public class TenantReconciler {
  io.kubetel.archfixture.operator_free_of_cycles.operator.conditions.Conditions other;
}
