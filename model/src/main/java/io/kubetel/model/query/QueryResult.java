package io.kubetel.model.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a TelemetryQuery: one series per group, each with one point per step that had data.
 */
public record QueryResult(
    Instant start, Instant end, long stepSeconds, Aggregation aggregation, List<Series> series) {

  public QueryResult {
    series = List.copyOf(series);
  }

  /** One group's series; {@code labels} holds the group-by keys and their values. */
  public record Series(Map<String, String> labels, List<Point> points) {
    public Series {
      labels = Map.copyOf(labels);
      points = List.copyOf(points);
    }
  }

  /** The aggregated value of one step starting at {@code time}. */
  public record Point(Instant time, double value) {}
}
