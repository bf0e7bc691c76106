package io.kubetel.apiserver.queries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ObservedWindow;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.List;
import java.util.Map;

/**
 * The TelemetryQuery kind as returned by a create: the object as sent (its {@code spec} echoed
 * exactly) with server-set metadata and, unless it was a dry run, the result in {@code status}.
 */
public record TelemetryQuery(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    JsonNode spec,
    @JsonInclude(JsonInclude.Include.NON_NULL) Status status)
    implements ServedObject {

  /** A TelemetryQuery object; {@code status} null for a dry run. */
  public static TelemetryQuery of(ObjectMeta metadata, JsonNode spec, Status status) {
    return new TelemetryQuery(
        TelemetryApiGroup.API_VERSION, QueryBodyParser.KIND, metadata, spec, status);
  }

  /**
   * The result: the window and step it was computed over and one series per group.
   *
   * @param step e.g. {@code 60s}
   * @param aggregation lower-case aggregation, left out when the query has none
   */
  public record Status(
      ObservedWindow window,
      String step,
      @JsonInclude(JsonInclude.Include.NON_NULL) String aggregation,
      List<Series> series) {}

  /** One result series: its group labels and points. */
  public record Series(Map<String, String> labels, List<Point> points) {}

  /** One result point; {@code value} is null where there was no data (never NaN in JSON). */
  public record Point(String time, Double value) {}
}
