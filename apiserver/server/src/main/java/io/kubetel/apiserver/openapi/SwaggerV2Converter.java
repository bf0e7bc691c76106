package io.kubetel.apiserver.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.model.json.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Derives the Swagger 2.0 ({@code /openapi/v2}) document from the OpenAPI v3 one, so both always
 * describe the same API. kube-apiserver merges every aggregated server's v2 document into its own;
 * conversion is structural: schemas move to {@code definitions}, references are rewritten,
 * parameters flatten their schema, request bodies become body parameters.
 */
final class SwaggerV2Converter {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final String V3_REF = "#/components/schemas/";
  private static final String V2_REF = "#/definitions/";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

  private SwaggerV2Converter() {}

  static ObjectNode convert(ObjectNode v3) {
    ObjectNode v2 = MAPPER.createObjectNode();
    v2.put("swagger", "2.0");
    v2.set("info", v3.get("info").deepCopy());
    ObjectNode paths = v2.putObject("paths");
    for (Iterator<Map.Entry<String, JsonNode>> it = v3.get("paths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      paths.set(path.getKey(), pathItem((ObjectNode) path.getValue()));
    }
    ObjectNode definitions = v3.get("components").get("schemas").deepCopy();
    rewrite(definitions);
    v2.set("definitions", definitions);
    return v2;
  }

  private static ObjectNode pathItem(ObjectNode v3Item) {
    ObjectNode item = MAPPER.createObjectNode();
    for (String method : METHODS) {
      if (v3Item.has(method)) {
        item.set(method, operation((ObjectNode) v3Item.get(method)));
      }
    }
    if (v3Item.has("parameters")) {
      item.set("parameters", parameters((ArrayNode) v3Item.get("parameters")));
    }
    return item;
  }

  private static ObjectNode operation(ObjectNode v3Op) {
    ObjectNode op = v3Op.deepCopy();
    op.remove("requestBody");
    op.remove("responses");
    ArrayNode parameters = parameters((ArrayNode) v3Op.get("parameters"));
    op.putArray("produces").add("application/json");
    if (v3Op.has("requestBody")) {
      JsonNode content = v3Op.get("requestBody").get("content");
      String mediaType = content.fieldNames().next();
      op.putArray("consumes").add(mediaType);
      ObjectNode body = parameters.addObject();
      body.put("name", "body");
      body.put("in", "body");
      body.put("required", true);
      body.set("schema", content.get(mediaType).get("schema").deepCopy());
    }
    op.set("parameters", parameters);
    op.putArray("schemes").add("https");
    ObjectNode responses = op.putObject("responses");
    for (Iterator<Map.Entry<String, JsonNode>> it = v3Op.get("responses").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      ObjectNode converted = responses.putObject(response.getKey());
      converted.set("description", response.getValue().get("description"));
      JsonNode schema = response.getValue().path("content").path("application/json").get("schema");
      if (schema != null) {
        converted.set("schema", schema.deepCopy());
      }
    }
    rewrite(op);
    return op;
  }

  private static ArrayNode parameters(ArrayNode v3Parameters) {
    ArrayNode parameters = MAPPER.createArrayNode();
    if (v3Parameters == null) {
      return parameters;
    }
    for (JsonNode v3Parameter : v3Parameters) {
      ObjectNode parameter = ((ObjectNode) v3Parameter).deepCopy();
      JsonNode schema = parameter.remove("schema");
      if (schema != null) {
        parameter.set("type", schema.get("type"));
      }
      parameters.add(parameter);
    }
    return parameters;
  }

  /** Rewrites references and v3-only keywords, in place. */
  private static void rewrite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(V3_REF)) {
        object.put("$ref", V2_REF + ref.asText().substring(V3_REF.length()));
      }
      JsonNode nullable = object.remove("nullable");
      if (nullable != null) {
        object.set("x-nullable", nullable);
      }
      object.forEach(SwaggerV2Converter::rewrite);
    } else if (node instanceof ArrayNode array) {
      array.forEach(SwaggerV2Converter::rewrite);
    }
  }
}
