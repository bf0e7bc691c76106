package io.kubetel.apiserver.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Static description of one served resource: everything discovery and OpenAPI publish about it.
 *
 * @param plural resource name in URLs, e.g. {@code metrics}
 * @param singular e.g. {@code metric}
 * @param kind object kind, e.g. {@code Metric}
 * @param shortNames e.g. {@code met}
 * @param namespaced whether objects live in namespaces
 * @param verbs e.g. get, list, watch (create for queries); never delete (see api notes)
 * @param categories always includes {@code telemetry}
 * @param schema OpenAPI v3 schema of one object (type object, with a description on every
 *     property); OpenAPI documents reference it as a component
 */
public record ResourceInfo(
    String plural,
    String singular,
    String kind,
    List<String> shortNames,
    boolean namespaced,
    List<String> verbs,
    List<String> categories,
    ObjectNode schema) {

  public ResourceInfo {
    shortNames = List.copyOf(shortNames);
    verbs = List.copyOf(verbs);
    categories = List.copyOf(categories);
  }

  /**
   * A read-only telemetry resource: namespaced, verbs get, list and watch, category {@code
   * telemetry}.
   */
  public static ResourceInfo readOnlyTelemetry(
      String plural, String singular, String kind, List<String> shortNames, ObjectNode schema) {
    return new ResourceInfo(
        plural,
        singular,
        kind,
        shortNames,
        true,
        List.of("get", "list", "watch"),
        List.of("telemetry"),
        schema);
  }

  /** The list kind, e.g. {@code MetricList}. */
  public String listKind() {
    return kind + "List";
  }
}
