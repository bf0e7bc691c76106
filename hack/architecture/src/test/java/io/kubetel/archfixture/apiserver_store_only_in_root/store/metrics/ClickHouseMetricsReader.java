package io.kubetel.archfixture.apiserver_store_only_in_root.store.metrics;

/** Stands for a store reader. */
public class ClickHouseMetricsReader {}
