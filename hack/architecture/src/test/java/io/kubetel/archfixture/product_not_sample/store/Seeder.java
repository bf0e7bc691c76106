package io.kubetel.archfixture.product_not_sample.store;

/** Breaks the rule: the store using the sample-data generator. */
public class Seeder {
  io.kubetel.archfixture.product_not_sample.sample.Generator generator;
}
