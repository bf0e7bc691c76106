package io.kubetel.apiserver.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ObservedWindow;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.List;
import java.util.Map;

/**
 * The Metric kind as served: one metric series, with statistics over the read window and, for
 * get-by-name and full-object lists, its points. Spec fields are always present (null when
 * unknown); statistics that are absent or not finite are left out, since JSON has no NaN.
 */
public record Metric(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements ServedObject {

  /** A Metric object. */
  public static Metric of(ObjectMeta metadata, Spec spec, Status status) {
    return new Metric(TelemetryApiGroup.API_VERSION, "Metric", metadata, spec, status);
  }

  /** What the series is: name, type, unit, emitter and attributes (maps sorted by key). */
  public record Spec(
      String metricName,
      String type,
      String unit,
      String description,
      String service,
      String pod,
      boolean monotonic,
      Map<String, String> attributes,
      Map<String, String> resourceAttributes) {}

  /**
   * Statistics over {@code window}; {@code points} only with detail.
   *
   * @param lastTimestamp time of the latest point
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(
      ObservedWindow window,
      Double last,
      Double min,
      Double max,
      Double avg,
      Long count,
      Double rate,
      Double p50,
      Double p95,
      Double p99,
      String lastTimestamp,
      List<Point> points) {}

  /** One data point; {@code sum} only for histograms. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Point(String time, Double value, Double sum) {}
}
