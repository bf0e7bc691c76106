package io.kubetel.archfixture.apiserver_store_only_in_root.apiserver.metrics;

/** Breaks the rule: a resource outside the composition root using the store. */
public class MetricsResource {
  io.kubetel.archfixture.apiserver_store_only_in_root.store.metrics.ClickHouseMetricsReader reader;
}
