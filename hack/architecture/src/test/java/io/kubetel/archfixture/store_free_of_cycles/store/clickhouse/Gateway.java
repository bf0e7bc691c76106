package io.kubetel.archfixture.store_free_of_cycles.store.clickhouse;

/** Breaks the rule: with metrics.Reader, a cycle between two packages of one module. */
public class Gateway {
  io.kubetel.archfixture.store_free_of_cycles.store.metrics.Reader other;
}
