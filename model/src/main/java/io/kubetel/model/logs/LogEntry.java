package io.kubetel.model.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One log record.
 *
 * @param name stable object name derived from the timestamp and a fingerprint of the record (see
 *     {@code LogNames} in the store), so that get-by-name finds the record again
 * @param eventName the OTel event name of an event record (the newest exporter tables' {@code
 *     EventName}); empty for a plain log record or a table without the column
 */
public record LogEntry(
    String name,
    String namespace,
    Instant timestamp,
    String severityText,
    int severityNumber,
    String service,
    String pod,
    String body,
    String traceId,
    String spanId,
    Map<String, String> attributes,
    Map<String, String> resourceAttributes,
    String eventName) {

  public LogEntry {
    attributes = Map.copyOf(attributes);
    resourceAttributes = Map.copyOf(resourceAttributes);
    eventName = eventName == null ? "" : eventName;
  }

  /** A plain log record (no event name). */
  public LogEntry(
      String name,
      String namespace,
      Instant timestamp,
      String severityText,
      int severityNumber,
      String service,
      String pod,
      String body,
      String traceId,
      String spanId,
      Map<String, String> attributes,
      Map<String, String> resourceAttributes) {
    this(
        name,
        namespace,
        timestamp,
        severityText,
        severityNumber,
        service,
        pod,
        body,
        traceId,
        spanId,
        attributes,
        resourceAttributes,
        "");
  }
}
