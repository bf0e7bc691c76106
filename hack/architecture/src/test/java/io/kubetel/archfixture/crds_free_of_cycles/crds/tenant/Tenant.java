package io.kubetel.archfixture.crds_free_of_cycles.crds.tenant;

/** Breaks the rule: with common.Condition, a cycle between two packages of one module. */
public class Tenant {
  io.kubetel.archfixture.crds_free_of_cycles.crds.common.Condition other;
}
