package io.kubetel.archfixture.alerting_uses_only_model.store;

/** Stands for the ClickHouse store. */
public class Gateway {}
