package io.kubetel.archfixture.crds_free_of_cycles.crds.common;

/** Breaks the rule: with tenant.Tenant, a cycle between two packages of one module. */
public class Condition {
  io.kubetel.archfixture.crds_free_of_cycles.crds.tenant.Tenant other;
}
