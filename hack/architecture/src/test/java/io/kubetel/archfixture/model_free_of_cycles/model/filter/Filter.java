package io.kubetel.archfixture.model_free_of_cycles.model.filter;

/** Breaks the rule: with query.Query, a cycle between two packages of one module. */
public class Filter {
  io.kubetel.archfixture.model_free_of_cycles.model.query.Query other;
}
