package io.kubetel.archfixture.store_free_of_cycles.store.metrics;

/** Breaks the rule: with clickhouse.Gateway, a cycle between two packages of one module. */
public class Reader {
  io.kubetel.archfixture.store_free_of_cycles.store.clickhouse.Gateway other;
}
