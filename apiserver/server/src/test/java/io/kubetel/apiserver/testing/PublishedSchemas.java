package io.kubetel.apiserver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The kind schemas of a published OpenAPI v3 group-version document ({@code
 * /openapi/v3/apis/telemetry.kubetel.io/v1alpha1}) as strict validators, so a served object that
 * drifts from its published schema fails a test: properties the schema does not list are errors (as
 * with {@code kubectl --validate=strict}), {@code nullable: true} is the only way to allow null,
 * and {@code $ref}s resolve inside the document's component schemas.
 */
public final class PublishedSchemas {
  private static final String GROUP = "telemetry.kubetel.io";
  private static final String API_VERSION = GROUP + "/v1alpha1";
  private static final String COMPONENTS = "#/components/schemas/";
  // Draft 4 knows "definitions"; references are rewritten to point there.
  private static final String DEFINITIONS = "#/definitions/";

  private final Map<String, Schema> byKind = new HashMap<>();

  private PublishedSchemas(JsonNode document) {
    JsonNode components = document.path("components").path("schemas");
    if (!components.isObject() || components.isEmpty()) {
      throw new IllegalArgumentException("the document has no component schemas");
    }
    Map<String, String> componentOfKind = new HashMap<>();
    components
        .fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .path("x-kubernetes-group-version-kind")
                    .forEach(
                        gvk -> {
                          if (GROUP.equals(gvk.path("group").asText())) {
                            componentOfKind.put(gvk.path("kind").asText(), e.getKey());
                          }
                        }));
    ObjectNode strict = (ObjectNode) components.deepCopy();
    strict.forEach(PublishedSchemas::strict);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    componentOfKind.forEach(
        (kind, component) -> {
          ObjectNode root = strict.objectNode();
          root.put("$ref", DEFINITIONS + component);
          root.set("definitions", strict);
          byKind.put(kind, registry.getSchema(root.toString(), InputFormat.JSON));
        });
  }

  /** The validators of the telemetry kinds published in {@code openApiDocument}. */
  public static PublishedSchemas of(JsonNode openApiDocument) {
    return new PublishedSchemas(openApiDocument);
  }

  /** Whether {@code kind} has a published schema. */
  public boolean publishes(String kind) {
    return byKind.containsKey(kind);
  }

  /**
   * Problems of every telemetry object inside {@code json} (the document itself, list items, Table
   * rows, watch event objects), each prefixed with the object's kind and name; empty when all match
   * their schema.
   */
  public List<String> problems(JsonNode json) {
    List<String> out = new ArrayList<>();
    collect(json, out);
    return out;
  }

  private void collect(JsonNode node, List<String> out) {
    if (node.isArray()) {
      node.forEach(n -> collect(n, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String kind = node.path("kind").asText();
    if (API_VERSION.equals(node.path("apiVersion").asText()) && byKind.containsKey(kind)) {
      String name = kind + " " + node.path("metadata").path("name").asText("<list>");
      // A list's schema covers its items: each object is checked once.
      byKind
          .get(kind)
          .validate(node.toString(), InputFormat.JSON)
          .forEach(e -> out.add(name + ": " + e));
      return;
    }
    node.forEach(child -> collect(child, out));
  }

  /**
   * Makes a published schema strict: objects with properties accept no others, {@code nullable}
   * becomes a null type, OpenAPI-only keys ({@code x-...}, numeric formats) are dropped.
   */
  private static void strict(JsonNode node) {
    if (node.isArray()) {
      node.forEach(PublishedSchemas::strict);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode schema = (ObjectNode) node;
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith(COMPONENTS)) {
      schema.put("$ref", DEFINITIONS + ref.substring(COMPONENTS.length()));
    }
    boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    if (schema.has("properties") && !schema.has("additionalProperties") && !preserveUnknown) {
      schema.put("additionalProperties", false);
    }
    if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
      ArrayNode types = schema.arrayNode().add(schema.path("type").asText()).add("null");
      schema.set("type", types);
    }
    String format = schema.path("format").asText("");
    if (!format.isEmpty() && !format.equals("date-time")) {
      schema.remove("format");
    }
    Iterator<String> names = schema.fieldNames();
    List<String> drop = new ArrayList<>();
    names.forEachRemaining(
        n -> {
          if (n.startsWith("x-") || n.equals("nullable")) {
            drop.add(n);
          }
        });
    schema.remove(drop);
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      properties.forEach(PublishedSchemas::strict);
    }
    for (String key : List.of("items", "additionalProperties", "allOf", "anyOf", "oneOf")) {
      if (schema.has(key)) {
        strict(schema.get(key));
      }
    }
  }
}
