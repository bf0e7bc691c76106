package io.kubetel.model.metrics;

import java.util.List;
import java.util.Map;

/**
 * One metric series: a metric name, a service and one set of attributes, in one namespace.
 *
 * @param name stable Kubernetes object name: the sanitized metric name, '-', and a fingerprint of
 *     the series identity (see {@code SeriesNames} in the store)
 * @param points the points in the window, oldest first; empty unless detail was requested
 */
public record MetricSeries(
    String name,
    String namespace,
    String metricName,
    MetricType type,
    String unit,
    String description,
    String service,
    String pod,
    boolean monotonic,
    Map<String, String> attributes,
    Map<String, String> resourceAttributes,
    MetricStats stats,
    List<MetricPoint> points) {

  public MetricSeries {
    attributes = Map.copyOf(attributes);
    resourceAttributes = Map.copyOf(resourceAttributes);
    points = List.copyOf(points);
  }
}
