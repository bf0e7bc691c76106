package io.kubetel.archfixture.crds_use_only_model.store;

/** Stands for a store class. */
public class Table {}
