package io.kubetel.model.metrics;

import java.time.Instant;

/**
 * Statistics of one series over the read window.
 *
 * <p>For gauges and sums the statistics are over point values. For the types that record
 * observations ({@link MetricType#recordsObservations()}) {@code last}, {@code min}, {@code max}
 * and {@code avg} describe observations (last = the latest point's mean, avg = sum / count over the
 * window), {@code count} is the number of observations in the window and {@code rate} observations
 * per second. Histograms (explicit and exponential) take min/max from the points' Min/Max and
 * estimate the quantiles from the window's merged buckets; summaries take min/max from their 0 and
 * 1 quantiles (NaN when not recorded) and the quantiles from the latest point, as recorded (null
 * when that quantile is not). {@code rate} is per second, present for monotonic sums and the
 * observation types; quantiles only for the observation types.
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
