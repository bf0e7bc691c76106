package io.kubetel.apiserver.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.util.Map;

/**
 * A TelemetryQuery body after strict parsing.
 *
 * @param name metadata.name, or null when generateName is used
 * @param generateName metadata.generateName, or null
 * @param specJson the spec exactly as sent, echoed in the response
 */
public record ParsedQuery(
    String name,
    String generateName,
    Map<String, String> labels,
    Map<String, String> annotations,
    TelemetryQuerySpec spec,
    ObjectNode specJson) {

  public ParsedQuery {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }
}
