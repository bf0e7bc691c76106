package io.kubetel.archfixture.anomaly_uses_only_model.store;

/** Stands for the store's ClickHouse gateway. */
public class Gateway {}
