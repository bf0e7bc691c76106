package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a custom resource against its CustomResourceDefinition as the API server would admit it:
 * apiVersion is the CRD's group and a served version, kind is the CRD's kind, metadata is an
 * ObjectMeta with a valid name (no namespace on a cluster-scoped kind), and every other top-level
 * field validates against that version's openAPIV3Schema ({@link OpenApiSubset}, which refuses
 * unknown fields). Used for the CSV's alm-examples against {@code crds/}, and for the foreign kinds
 * the chart renders (cert-manager Certificate, ServiceMonitor) against the strict schemas in {@code
 * src/test/resources/foreign-schemas/}.
 */
final class CustomResourceSchemas {
  private static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";
  private static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** The ObjectMeta fields a manifest may set, as a schema of the same subset. */
  private static final JsonNode OBJECT_META =
      Manifests.parseAll(
              "type: object\n"
                  + "required: [name]\n"
                  + "properties:\n"
                  + "  name: {type: string, maxLength: 253, pattern: '"
                  + DNS_SUBDOMAIN
                  + "'}\n"
                  + "  namespace: {type: string, maxLength: 63, pattern: '"
                  + DNS_LABEL
                  + "'}\n"
                  + "  labels: {type: object, additionalProperties: {type: string}}\n"
                  + "  annotations: {type: object, additionalProperties: {type: string}}\n"
                  + "  finalizers: {type: array, items: {type: string}}\n")
          .get(0);

  private CustomResourceSchemas() {}

  /** Every way {@code object} would be refused or changed by the API server serving {@code crd}. */
  static List<String> validate(JsonNode crd, JsonNode object) {
    List<String> errors = new ArrayList<>();
    String id = Manifests.id(object);
    String group = crd.at("/spec/group").asText();
    String kind = crd.at("/spec/names/kind").asText();
    if (!kind.equals(object.path("kind").asText())) {
      errors.add(id + ": kind is not " + kind);
      return errors;
    }
    JsonNode version = null;
    for (JsonNode v : crd.at("/spec/versions")) {
      if ((group + "/" + v.path("name").asText()).equals(object.path("apiVersion").asText())
          && v.path("served").asBoolean()) {
        version = v;
      }
    }
    if (version == null) {
      errors.add(
          id
              + ": apiVersion "
              + object.path("apiVersion").asText()
              + " is no served version of "
              + crd.at("/metadata/name").asText());
      return errors;
    }
    JsonNode schema = version.at("/schema/openAPIV3Schema");
    if (schema.isMissingNode()) {
      errors.add(id + ": version " + version.path("name").asText() + " has no openAPIV3Schema");
      return errors;
    }
    JsonNode metadata = object.path("metadata");
    errors.addAll(prefix(id, OpenApiSubset.validate(OBJECT_META, metadata, "metadata")));
    if (crd.at("/spec/scope").asText().equals("Cluster") && metadata.has("namespace")) {
      errors.add(id + ": metadata.namespace: " + kind + " is cluster-scoped");
    }
    ObjectNode body = ((ObjectNode) object).deepCopy();
    body.remove(List.of("apiVersion", "kind", "metadata"));
    ObjectNode rootSchema = ((ObjectNode) schema).deepCopy();
    // apiVersion, kind and metadata are the API server's own; the schema rules the rest.
    if (rootSchema.get("properties") instanceof ObjectNode props) {
      props.remove(List.of("apiVersion", "kind", "metadata"));
    }
    if (rootSchema.get("required") != null) {
      List<String> required = new ArrayList<>();
      rootSchema.get("required").forEach(r -> required.add(r.asText()));
      required.removeAll(List.of("apiVersion", "kind", "metadata"));
      rootSchema.putArray("required").addAll(required.stream().map(rootSchema::textNode).toList());
    }
    errors.addAll(prefix(id, OpenApiSubset.validate(rootSchema, body, "")));
    return errors;
  }

  /** The CRD of {@code object}'s kind and group among {@code crds}, if any. */
  static JsonNode crdFor(List<? extends JsonNode> crds, JsonNode object) {
    String apiVersion = object.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    for (JsonNode crd : crds) {
      if (crd.at("/spec/group").asText().equals(group)
          && crd.at("/spec/names/kind").asText().equals(object.path("kind").asText())) {
        return crd;
      }
    }
    return null;
  }

  private static List<String> prefix(String id, List<String> errors) {
    List<String> out = new ArrayList<>();
    for (String e : errors) {
      out.add(id + (e.startsWith(":") ? e : ": " + e.substring(e.startsWith(".") ? 1 : 0)));
    }
    return out;
  }
}
