package io.kubetel.model.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One log record.
 *
 * @param name stable object name derived from the timestamp and a fingerprint of the record (see
 *     {@code LogNames} in the store), so that get-by-name finds the record again
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
    Map<String, String> resourceAttributes) {

  public LogEntry {
    attributes = Map.copyOf(attributes);
    resourceAttributes = Map.copyOf(resourceAttributes);
  }
}
