package io.kubetel.anomaly.scan;

import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a series' stored points into the value a detector should judge: a gauge's value as is, a
 * cumulative counter's per-second rate (a counter only grows; its rate is what changes when
 * something breaks), and a histogram's or summary's mean observation between two points (e.g. the
 * mean request latency). The previous point per series is kept in memory; a counter reset (the
 * value falls) yields no value.
 */
final class SeriesValues {
  private final Map<String, MetricPoint> previous = new HashMap<>();

  /** The value of {@code point} of {@code series} (key {@code key}), if it has one. */
  OptionalDouble value(String key, MetricSeries series, MetricPoint point) {
    MetricType type = series.type();
    boolean cumulative =
        type.recordsObservations() || (type == MetricType.SUM && series.monotonic());
    if (!cumulative) {
      return finite(point.value());
    }
    MetricPoint before = previous.put(key, point);
    if (before == null || !point.time().isAfter(before.time())) {
      return OptionalDouble.empty();
    }
    double delta = point.value() - before.value();
    if (delta < 0) {
      return OptionalDouble.empty();
    }
    if (type.recordsObservations()) {
      if (delta == 0 || point.sum() == null || before.sum() == null) {
        return OptionalDouble.empty();
      }
      return finite((point.sum() - before.sum()) / delta);
    }
    double seconds = (point.time().toEpochMilli() - before.time().toEpochMilli()) / 1000.0;
    return finite(delta / seconds);
  }

  /** Forgets a series' previous point. */
  void forget(String key) {
    previous.remove(key);
  }

  private static OptionalDouble finite(double v) {
    return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
  }
}
