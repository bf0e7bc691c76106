package io.kubetel.apiserver.customresources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Checks an object against a CRD's {@code openAPIV3Schema} the way {@code kubectl apply} against a
 * real cluster would refuse it: types, enums, patterns, bounds and required fields, and — as with
 * kubectl's default strict field validation — unknown fields (a misspelt field must not vanish
 * silently). {@code metadata} is checked by {@link CustomResourceLoader}, not here. CEL rules
 * ({@code x-kubernetes-validations}) are not evaluated: there is no CEL engine in this server.
 */
final class CrdSchema {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private final Schema schema;

  CrdSchema(JsonNode openApiV3Schema) {
    ObjectNode strict = openApiV3Schema.deepCopy();
    strict(strict);
    ObjectNode properties = strict.with("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("type", "object");
    this.schema = REGISTRY.getSchema(strict.toString(), InputFormat.JSON);
  }

  /** The problems of {@code object}, each as {@code <field path>: <message>}; empty when valid. */
  List<String> problems(JsonNode object) {
    return schema.validate(object.toString(), InputFormat.JSON).stream()
        .map(e -> field(e.getInstanceLocation().toString()) + ": " + message(e))
        .toList();
  }

  /**
   * A JSON pointer ({@code /spec/panels/0/type}) as kubectl prints fields: {@code
   * spec.panels[0].type}.
   */
  static String field(String location) {
    StringBuilder field = new StringBuilder();
    for (String part : location.split("/")) {
      if (part.isEmpty() || part.equals("$")) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        field.append('[').append(name).append(']');
      } else {
        field.append(field.length() == 0 ? "" : ".").append(name);
      }
    }
    return field.length() == 0 ? "<object>" : field.toString();
  }

  private static String message(com.networknt.schema.Error error) {
    String message = error.getMessage();
    String location = error.getInstanceLocation().toString();
    // The library repeats the location at the start of its message.
    return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
  }

  /** Objects that list properties accept no others, unless they preserve unknown fields. */
  private static void strict(JsonNode node) {
    if (node.isArray()) {
      node.forEach(CrdSchema::strict);
      return;
    }
    if (!node.isObject()) {
      return;
    }
    ObjectNode schema = (ObjectNode) node;
    // CEL rules (x-kubernetes-validations) need a CEL engine: the operator checks them instead.
    schema.remove("x-kubernetes-validations");
    if (schema.has("properties")
        && !schema.has("additionalProperties")
        && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      schema.put("additionalProperties", false);
    }
    schema.forEach(CrdSchema::strict);
  }
}
