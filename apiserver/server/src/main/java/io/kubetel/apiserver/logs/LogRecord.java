package io.kubetel.apiserver.logs;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ServedObject;
import java.util.Map;

/**
 * The LogRecord kind as served: one log record (name = {@code <epoch-nanos>-<fingerprint>}). Every
 * spec field is always present, null when the record has none.
 */
public record LogRecord(String apiVersion, String kind, ObjectMeta metadata, Spec spec)
    implements ServedObject {

  /** A LogRecord object. */
  public static LogRecord of(ObjectMeta metadata, Spec spec) {
    return new LogRecord(TelemetryApiGroup.API_VERSION, "LogRecord", metadata, spec);
  }

  /** The record as emitted (attribute maps sorted by key). */
  public record Spec(
      String timestamp,
      String severity,
      int severityNumber,
      String service,
      String pod,
      String body,
      String traceId,
      String spanId,
      String eventName,
      Map<String, String> attributes,
      Map<String, String> resourceAttributes) {}
}
