package io.kubetel.model.metrics;

import java.time.Instant;

/**
 * One point of a series. For gauges and sums {@code value} is the recorded value; for the types
 * that record observations (histograms, exponential histograms, summaries) it is the point's
 * observation count, with {@code sum} the sum of observations (null for gauges and sums).
 */
public record MetricPoint(Instant time, double value, Double sum) {}
