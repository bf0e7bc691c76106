package io.kubetel.model.metrics;

import java.time.Instant;

/**
 * Statistics of one series over the read window.
 *
 * <p>For gauges and sums the statistics are over point values. For histograms {@code last}, {@code
 * min}, {@code max} and {@code avg} describe observations (min/max of the points' Min/Max, avg =
 * total sum / total count), {@code count} is the number of observations, and the quantiles are
 * estimated from the merged buckets. {@code rate} is per second, present for monotonic sums and
 * histograms (observations per second); quantiles only for histograms.
 */
public record MetricStats(
    Instant firstTime,
    Instant lastTime,
    double last,
    double min,
    double max,
    double avg,
    long count,
    Double rate,
    Double p50,
    Double p95,
    Double p99) {}
