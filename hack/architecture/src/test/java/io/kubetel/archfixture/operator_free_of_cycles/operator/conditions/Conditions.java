package io.kubetel.archfixture.operator_free_of_cycles.operator.conditions;

/** Breaks the rule: with tenant.TenantReconciler, a cycle between two packages of one module. */
public class Conditions {
  io.kubetel.archfixture.operator_free_of_cycles.operator.tenant.TenantReconciler other;
}
