package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.selection.FieldRequirement;
import io.kubetel.apiserver.selection.FieldSelectorParser;
import io.kubetel.model.labels.LabelSelector;
import io.kubetel.model.labels.LabelSelectorParser;
import io.kubetel.model.problem.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list or watch request's {@code labelSelector} and {@code fieldSelector} over custom resources.
 * Like kube-apiserver for CRDs without selectable fields, only {@code metadata.name} and {@code
 * metadata.namespace} can be field-selected; any other key is 400 {@code field label not
 * supported}.
 */
record ObjectSelection(LabelSelector labels, List<FieldRequirement> fields) {
  private static final List<String> FIELD_KEYS = List.of("metadata.name", "metadata.namespace");

  /** Parses the selectors; problems are {@link InvalidInputException}s (400). */
  static ObjectSelection parse(Map<String, String> params) {
    List<FieldRequirement> fields = FieldSelectorParser.parse(params.get("fieldSelector"));
    for (FieldRequirement f : fields) {
      if (!FIELD_KEYS.contains(f.key())) {
        throw new InvalidInputException("field label not supported: " + f.key());
      }
    }
    return new ObjectSelection(LabelSelectorParser.parse(params.get("labelSelector")), fields);
  }

  /** Whether {@code object} is selected. */
  boolean matches(JsonNode object) {
    JsonNode metadata = object.path("metadata");
    Map<String, String> objectLabels = new HashMap<>();
    metadata
        .path("labels")
        .fields()
        .forEachRemaining(e -> objectLabels.put(e.getKey(), e.getValue().asText()));
    if (!labels.matches(objectLabels)) {
      return false;
    }
    for (FieldRequirement f : fields) {
      String field = f.key().substring("metadata.".length());
      if (!f.matches(List.of(metadata.path(field).asText()))) {
        return false;
      }
    }
    return true;
  }
}
