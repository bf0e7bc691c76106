package io.kubetel.archfixture.product_not_sample.sample;

/** Stands for the sample-data generator. */
public class Generator {}
