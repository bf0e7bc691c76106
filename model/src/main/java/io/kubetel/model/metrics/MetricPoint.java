package io.kubetel.model.metrics;

import java.time.Instant;

/**
 * One point of a series. For gauges and sums {@code value} is the recorded value; for histograms it
 * is the observation count of the point, with {@code sum} the sum of observations.
 */
public record MetricPoint(Instant time, double value, Double sum) {}
