package io.kubetel.archfixture.modules_free_of_cycles.model;

/** Breaks the rule: with store.Reader, a cycle between two modules. */
public class Query {
  io.kubetel.archfixture.modules_free_of_cycles.store.Reader reader;
}
