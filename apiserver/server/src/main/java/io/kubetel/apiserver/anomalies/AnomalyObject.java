package io.kubetel.apiserver.anomalies;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.Map;

/**
 * The Anomaly kind as served: one anomaly a learned detector found in one metric series (name =
 * {@code <series>-<start epoch millis>}). Read-only: the anomaly scan writes them.
 */
public record AnomalyObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements ServedObject {

  /** An Anomaly object. */
  public static AnomalyObject of(ObjectMeta metadata, Spec spec) {
    return new AnomalyObject(TelemetryApiGroup.API_VERSION, "Anomaly", metadata, spec);
  }

  /** The anomaly as detected (attribute map sorted by key). */
  public record Spec(
      String series,
      String metric,
      String service,
      Map<String, String> attributes,
      String start,
      String end,
      boolean resolved,
      double grade,
      Expected expected,
      double observed,
      String detector) {}

  /** The range the detector expected at the most anomalous point. */
  public record Expected(double low, double high) {}
}
