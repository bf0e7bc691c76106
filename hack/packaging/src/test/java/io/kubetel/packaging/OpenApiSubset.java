package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compact validator for the subset of OpenAPI v3 (structural schemas, as Kubernetes applies them
 * to custom resources) that the generated CRDs and the foreign-kind schemas here use: types
 * (object, array, string, integer, number, boolean, int-or-string), properties, required,
 * additionalProperties, items, enum, pattern, format (date-time, date, byte, int32, int64),
 * lengths, bounds, item and property counts, nullable, list types set/map. Unlike the cluster,
 * which silently prunes a field its structural schema does not know, an unknown field is an error
 * unless the schema says {@code x-kubernetes-preserve-unknown-fields}: a misspelt key must fail the
 * check, not vanish. CEL rules ({@code x-kubernetes-validations}) are not evaluated (no CEL here);
 * any schema keyword outside this subset fails loudly instead of being skipped.
 */
final class OpenApiSubset {
  private static final Set<String> KNOWN =
      Set.of(
          "type",
          "description",
          "title",
          "default",
          "example",
          "properties",
          "required",
          "items",
          "additionalProperties",
          "enum",
          "pattern",
          "format",
          "minLength",
          "maxLength",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minItems",
          "maxItems",
          "uniqueItems",
          "minProperties",
          "maxProperties",
          "nullable",
          "x-kubernetes-preserve-unknown-fields",
          "x-kubernetes-int-or-string",
          "x-kubernetes-embedded-resource",
          "x-kubernetes-list-type",
          "x-kubernetes-list-map-keys",
          "x-kubernetes-map-type",
          "x-kubernetes-validations");

  private final List<String> errors = new ArrayList<>();

  private OpenApiSubset() {}

  /** Every way {@code value} breaks {@code schema}; messages start with the field's path. */
  static List<String> validate(JsonNode schema, JsonNode value, String path) {
    OpenApiSubset v = new OpenApiSubset();
    v.check(schema, value, path);
    return v.errors;
  }

  private void error(String path, String message) {
    errors.add(path + ": " + message);
  }

  private void check(JsonNode schema, JsonNode value, String path) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!KNOWN.contains(keyword)) {
        throw new IllegalArgumentException(
            path + ": schema keyword " + keyword + " is outside the subset this validator knows");
      }
    }
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean()) {
        error(path, "null is not allowed");
      }
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        error(path, "must be an integer or a string, is " + kind(value));
      }
    } else if (!typeMatches(schema.path("type").asText(), value)) {
      error(path, "must be of type " + schema.path("type").asText() + ", is " + kind(value));
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      error(path, "unsupported value " + value + ", must be one of " + schema.get("enum"));
    }
    if (value.isTextual()) {
      checkString(schema, value.asText(), path);
    } else if (value.isNumber()) {
      checkNumber(schema, value.asDouble(), path);
    } else if (value.isArray()) {
      checkArray(schema, value, path);
    } else if (value.isObject()) {
      checkObject(schema, value, path);
    }
  }

  private static boolean typeMatches(String type, JsonNode v) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "boolean" -> v.isBoolean();
      case "" -> true; // only with x-kubernetes-preserve-unknown-fields in structural schemas
      default -> throw new IllegalArgumentException("unknown schema type " + type);
    };
  }

  private void checkString(JsonNode schema, String s, String path) {
    int length = s.codePointCount(0, s.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      error(path, "shorter than " + schema.get("minLength").asInt() + " characters");
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      error(path, "longer than " + schema.get("maxLength").asInt() + " characters");
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) {
      error(path, "\"" + s + "\" does not match " + schema.get("pattern").asText());
    }
    if (schema.has("format") && !formatMatches(schema.get("format").asText(), s)) {
      error(path, "\"" + s + "\" is no " + schema.get("format").asText());
    }
  }

  private static boolean formatMatches(String format, String s) {
    try {
      switch (format) {
        case "date-time" -> OffsetDateTime.parse(s);
        case "date" -> LocalDate.parse(s);
        case "byte" -> Base64.getDecoder().decode(s);
        case "int32" -> Integer.parseInt(s);
        case "int64" -> Long.parseLong(s);
        default -> {
          // Kubernetes accepts unknown formats without checking them; so does this.
        }
      }
      return true;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }

  private void checkNumber(JsonNode schema, double n, String path) {
    if (schema.has("minimum")) {
      double min = schema.get("minimum").asDouble();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean();
      if (n < min || exclusive && n == min) {
        error(path, n + " is below the minimum " + min);
      }
    }
    if (schema.has("maximum")) {
      double max = schema.get("maximum").asDouble();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean();
      if (n > max || exclusive && n == max) {
        error(path, n + " is above the maximum " + max);
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode array, String path) {
    if (schema.has("minItems") && array.size() < schema.get("minItems").asInt()) {
      error(path, "fewer than " + schema.get("minItems").asInt() + " items");
    }
    if (schema.has("maxItems") && array.size() > schema.get("maxItems").asInt()) {
      error(path, "more than " + schema.get("maxItems").asInt() + " items");
    }
    String listType = schema.path("x-kubernetes-list-type").asText();
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (schema.has("items")) {
        check(schema.get("items"), item, path + "[" + i + "]");
      }
      JsonNode identity = item;
      if (listType.equals("map")) {
        var key = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        schema
            .path("x-kubernetes-list-map-keys")
            .forEach(k -> key.set(k.asText(), item.get(k.asText())));
        identity = key;
      }
      if ((listType.equals("set")
              || listType.equals("map")
              || schema.path("uniqueItems").asBoolean())
          && !seen.add(identity)) {
        error(path + "[" + i + "]", "duplicate entry " + identity);
      }
    }
  }

  private void checkObject(JsonNode schema, JsonNode object, String path) {
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    for (JsonNode r : schema.path("required")) {
      if (!object.has(r.asText())) {
        error(path, "required field " + r.asText() + " is missing");
      }
    }
    if (schema.has("minProperties") && object.size() < schema.get("minProperties").asInt()) {
      error(path, "fewer than " + schema.get("minProperties").asInt() + " fields");
    }
    if (schema.has("maxProperties") && object.size() > schema.get("maxProperties").asInt()) {
      error(path, "more than " + schema.get("maxProperties").asInt() + " fields");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String child = path + "." + f.getKey();
      if (properties.has(f.getKey())) {
        check(properties.get(f.getKey()), f.getValue(), child);
      } else if (additional != null && additional.isObject()) {
        check(additional, f.getValue(), child);
      } else if (!preserve && !(additional != null && additional.asBoolean())) {
        error(child, "unknown field (the cluster would drop it)");
      }
    }
  }

  private static boolean contains(JsonNode array, JsonNode value) {
    for (JsonNode e : array) {
      if (e.equals(value) || e.isNumber() && value.isNumber() && e.asDouble() == value.asDouble()) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
