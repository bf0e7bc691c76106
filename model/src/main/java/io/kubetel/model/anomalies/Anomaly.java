package io.kubetel.model.anomalies;

import java.time.Instant;
import java.util.Map;

/**
 * One detected anomaly of one metric series: a run of points the series' learned detector called
 * anomalous that lasted at least the minimum duration.
 *
 * @param name stable object name: the series object name and the start (see {@link #nameOf})
 * @param namespace the series' namespace
 * @param series the metric series' object name (as served by {@code metrics})
 * @param metricName the metric name
 * @param service the emitting service
 * @param labels the series' attributes
 * @param start the first anomalous point
 * @param end the latest anomalous point (while open) or the last one (resolved)
 * @param grade the highest grade in the run, 0..1
 * @param expectedLow the expected range's low end at the most anomalous point
 * @param expectedHigh the expected range's high end at the most anomalous point
 * @param observed the value at the most anomalous point
 * @param detector the detector's short name, e.g. {@code rcf}
 * @param resolved whether a normal point ended the run
 */
public record Anomaly(
    String name,
    String namespace,
    String series,
    String metricName,
    String service,
    Map<String, String> labels,
    Instant start,
    Instant end,
    double grade,
    double expectedLow,
    double expectedHigh,
    double observed,
    String detector,
    boolean resolved) {

  public Anomaly {
    labels = Map.copyOf(labels);
  }

  /** The object name of the anomaly of {@code series} starting at {@code start}. */
  public static String nameOf(String series, Instant start) {
    return series + "-" + start.toEpochMilli();
  }
}
