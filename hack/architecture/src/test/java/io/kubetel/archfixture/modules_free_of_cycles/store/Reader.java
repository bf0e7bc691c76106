package io.kubetel.archfixture.modules_free_of_cycles.store;

/** Breaks the rule: with model.Query, a cycle between two modules. */
public class Reader {
  io.kubetel.archfixture.modules_free_of_cycles.model.Query query;
}
