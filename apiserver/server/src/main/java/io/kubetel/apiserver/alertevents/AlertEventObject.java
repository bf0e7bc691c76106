package io.kubetel.apiserver.alertevents;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.Map;

/**
 * The AlertEvent kind as served: one state transition of one alert series (name = {@code
 * <rule>[.<series>].<version>}). Every spec field is always present, null when absent.
 */
public record AlertEventObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements ServedObject {

  public static AlertEventObject of(ObjectMeta metadata, Spec spec) {
    return new AlertEventObject(TelemetryApiGroup.API_VERSION, "AlertEvent", metadata, spec);
  }

  /** The transition. */
  public record Spec(
      String rule,
      String series,
      Map<String, String> seriesLabels,
      String from,
      String to,
      Double value,
      String severity,
      String summary,
      String time) {}
}
