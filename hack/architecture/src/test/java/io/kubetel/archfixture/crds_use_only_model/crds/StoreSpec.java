package io.kubetel.archfixture.crds_use_only_model.crds;

/** Breaks the rule: a CRD type using the store. */
public class StoreSpec {
  io.kubetel.archfixture.crds_use_only_model.store.Table table;
}
