package io.kubetel.archfixture.alerting_uses_only_model_and_anomaly.store;

/** Stands for the ClickHouse store. */
public class Gateway {}
