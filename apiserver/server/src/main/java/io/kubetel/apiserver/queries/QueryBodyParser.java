package io.kubetel.apiserver.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.model.json.Json;
import io.kubetel.model.labels.LabelSyntax;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.problem.MalformedInputException;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Strictly parses a TelemetryQuery create body: unknown fields anywhere are 400 naming the field
 * path (as kube-apiserver's strict field validation does), wrong apiVersion/kind and a namespace
 * that differs from the URL's are 400; invalid values are {@link InvalidInputException}s, which the
 * handler reports as 422 Invalid about the object.
 */
public final class QueryBodyParser {
  /** The kind of query objects. */
  public static final String KIND = "TelemetryQuery";

  private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
  private static final Set<String> METADATA =
      Set.of("name", "generateName", "namespace", "labels", "annotations", "creationTimestamp");

  private final ObjectReader mapper = Json.strictReader();

  /**
   * The parts of a create body around the spec, checked; the spec stays raw.
   *
   * @param name metadata.name, or null when generateName is used
   * @param generateName metadata.generateName, or null
   * @param spec the spec as sent, or null
   */
  public record Envelope(
      String name,
      String generateName,
      Map<String, String> labels,
      Map<String, String> annotations,
      JsonNode spec) {}

  /** Parses {@code body} for a create in {@code namespace}. */
  public ParsedQuery parse(String body, String namespace) {
    return complete(envelope(body, namespace));
  }

  /**
   * Parses everything but the spec, so a caller knows the object's name before the spec is checked.
   * Strict-decoding problems are {@link MalformedInputException}s (400); invalid values are {@link
   * InvalidInputException}s ({@code field: problem}).
   */
  public Envelope envelope(String body, String namespace) {
    JsonNode root;
    try {
      root = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(
          "request body is not valid JSON: " + e.getOriginalMessage().split("\n")[0]);
    }
    if (root == null || !root.isObject()) {
      throw new MalformedInputException("request body must be a JSON object (a TelemetryQuery)");
    }
    unknownFields(root, TOP, "");
    String apiVersion = root.path("apiVersion").asText("");
    if (!apiVersion.equals(TelemetryApiGroup.API_VERSION)) {
      throw new MalformedInputException(
          "apiVersion \"" + apiVersion + "\" must be " + TelemetryApiGroup.API_VERSION);
    }
    String kind = root.path("kind").asText("");
    if (!kind.equals(KIND)) {
      throw new MalformedInputException("kind \"" + kind + "\" must be " + KIND);
    }
    JsonNode meta = root.path("metadata");
    if (!meta.isObject()) {
      throw new MalformedInputException("metadata is required (with name or generateName)");
    }
    unknownFields(meta, METADATA, "metadata.");
    String objectNamespace = text(meta, "namespace", "metadata.namespace");
    if (objectNamespace != null
        && !objectNamespace.isEmpty()
        && !objectNamespace.equals(namespace)) {
      throw new MalformedInputException(
          "the namespace of the provided object ("
              + objectNamespace
              + ") does not match the"
              + " namespace sent on the request ("
              + namespace
              + ")");
    }
    String name = emptyToNull(text(meta, "name", "metadata.name"));
    String generateName = emptyToNull(text(meta, "generateName", "metadata.generateName"));
    if (name == null && generateName == null) {
      throw invalid("metadata.name", "Required value: name or generateName is required");
    }
    if (name != null) {
      ValueRules.OBJECT_NAME
          .problem(name)
          .ifPresent(
              p -> {
                throw invalid("metadata.name", "Invalid value: " + p);
              });
    }
    if (generateName != null && generateName.length() > 58) {
      throw invalid("metadata.generateName", "Invalid value: must be no more than 58 characters");
    }
    Map<String, String> labels = stringMap(meta.get("labels"), "metadata.labels");
    labels.forEach(
        (k, v) -> {
          LabelSyntax.keyProblem(k)
              .ifPresent(
                  p -> {
                    throw invalid("metadata.labels", "Invalid value: \"" + k + "\": " + p);
                  });
          LabelSyntax.valueProblem(v)
              .ifPresent(
                  p -> {
                    throw invalid("metadata.labels", "Invalid value: \"" + v + "\": " + p);
                  });
        });
    Map<String, String> annotations = stringMap(meta.get("annotations"), "metadata.annotations");
    return new Envelope(name, generateName, labels, annotations, root.get("spec"));
  }

  /** Parses the spec of {@code envelope} into the typed spec. */
  public ParsedQuery complete(Envelope envelope) {
    JsonNode specNode = envelope.spec();
    if (specNode == null || !specNode.isObject()) {
      throw invalid("spec", "Required value: spec must be an object");
    }
    TelemetryQuerySpec spec;
    try {
      spec = mapper.treeToValue(specNode, TelemetryQuerySpec.class);
    } catch (UnrecognizedPropertyException e) {
      throw new MalformedInputException(
          "strict decoding error: unknown field \"" + path("spec", e) + "\"");
    } catch (InvalidFormatException e) {
      String allowed =
          e.getTargetType() != null && e.getTargetType().isEnum()
              ? "; supported values: " + enumValues(e.getTargetType())
              : "";
      throw invalid(path("spec", e), "Unsupported value: \"" + e.getValue() + "\"" + allowed);
    } catch (JsonMappingException e) {
      throw invalid(path("spec", e), "Invalid value: " + e.getOriginalMessage().split("\n")[0]);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException("spec cannot be read: " + e.getOriginalMessage());
    }
    if (spec == null) {
      throw invalid("spec", "Required value");
    }
    return new ParsedQuery(
        envelope.name(),
        envelope.generateName(),
        envelope.labels(),
        envelope.annotations(),
        spec,
        (ObjectNode) specNode.deepCopy());
  }

  private static void unknownFields(JsonNode node, Set<String> allowed, String prefix) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String f = names.next();
      if (!allowed.contains(f)) {
        String hint =
            prefix.isEmpty() && f.equals("status") ? " (status is set by the server)" : "";
        throw new MalformedInputException(
            "strict decoding error: unknown field \"" + prefix + f + "\"" + hint);
      }
    }
  }

  private static String text(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw invalid(path, "Invalid value: must be a string");
    }
    return v.asText();
  }

  private static Map<String, String> stringMap(JsonNode node, String path) {
    Map<String, String> out = new HashMap<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isObject()) {
      throw invalid(path, "Invalid value: must be a map of strings");
    }
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw invalid(path + "." + e.getKey(), "Invalid value: must be a string");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String path(String root, JsonMappingException e) {
    StringBuilder out = new StringBuilder(root);
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        out.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String enumValues(Class<?> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(
            c -> {
              try {
                var f = type.getField(((Enum<?>) c).name());
                var p = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                return p != null ? p.value() : ((Enum<?>) c).name();
              } catch (NoSuchFieldException ex) {
                return String.valueOf(c);
              }
            })
        .collect(Collectors.joining(", "));
  }

  private static InvalidInputException invalid(String field, String detail) {
    return new InvalidInputException(field + ": " + detail);
  }
}
