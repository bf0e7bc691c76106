package io.kubetel.archfixture.model_free_of_cycles.model.query;

/** Breaks the rule: with filter.Filter, a cycle between two packages of one module. */
public class Query {
  io.kubetel.archfixture.model_free_of_cycles.model.filter.Filter other;
}
