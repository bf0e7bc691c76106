package io.kubetel.apiserver.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.discovery.ServedGroup;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.model.json.Json;

/**
 * The OpenAPI v3 document of a read-only custom resource group ({@code kubetel.io/v1alpha1} in
 * standalone mode), as kube-apiserver publishes one for CRDs: each kind's schema is the CRD's
 * {@code openAPIV3Schema} with {@code apiVersion}, {@code kind} and {@code metadata} added, and
 * get/list operations carrying {@code x-kubernetes-group-version-kind} so {@code kubectl explain}
 * finds the kinds.
 */
public final class CustomResourceOpenApiDocument {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static final String REF = OpenApiV3Document.REF;

  private CustomResourceOpenApiDocument() {}

  /** The group-version document of {@code group}. */
  public static ObjectNode build(ServedGroup group) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("openapi", "3.0.0");
    ObjectNode info = root.putObject("info");
    info.put("title", "kubetel " + group.groupVersion() + " custom resources (read-only)");
    info.put("version", group.version());
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = root.putObject("components").putObject("schemas");
    MetaSchemas.addTo(schemas, REF);
    for (ResourceInfo r : group.resources()) {
      schemas.set(component(group, r.kind()), kindSchema(group, r));
      schemas.set(component(group, r.listKind()), listSchema(group, r));
      String base = "/apis/" + group.groupVersion();
      ObjectNode all = paths.putObject(base + "/" + r.plural());
      all.set(
          "get", operation(group, r, "list" + r.kind() + "ForAllNamespaces", "list", r.listKind()));
      ObjectNode collection = paths.putObject(base + "/namespaces/{namespace}/" + r.plural());
      collection.set("get", operation(group, r, "listNamespaced" + r.kind(), "list", r.listKind()));
      collection.putArray("parameters").add(pathParameter("namespace"));
      ObjectNode item = paths.putObject(base + "/namespaces/{namespace}/" + r.plural() + "/{name}");
      item.set("get", operation(group, r, "readNamespaced" + r.kind(), "get", r.kind()));
      item.putArray("parameters").add(pathParameter("name")).add(pathParameter("namespace"));
    }
    return root;
  }

  /** Component names like kube-apiserver's for CRDs: reversed group, version, kind. */
  private static String component(ServedGroup group, String kind) {
    String[] parts = group.group().split("\\.");
    StringBuilder name = new StringBuilder();
    for (int i = parts.length - 1; i >= 0; i--) {
      name.append(parts[i]).append('.');
    }
    return name + group.version() + "." + kind;
  }

  private static ObjectNode kindSchema(ServedGroup group, ResourceInfo r) {
    ObjectNode schema = r.schema().deepCopy();
    if (!schema.has("description")) {
      schema.put("description", r.kind() + " (" + r.plural() + "), read-only in standalone mode.");
    }
    schema.put("type", "object");
    ObjectNode properties = schema.with("properties");
    properties.set("apiVersion", MetaSchemas.string("Always " + group.groupVersion() + "."));
    properties.set("kind", MetaSchemas.string("Always " + r.kind() + "."));
    properties.set(
        "metadata", MetaSchemas.ref(REF + MetaSchemas.OBJECT_META, "Standard metadata."));
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(group, r.kind()));
    return schema;
  }

  private static ObjectNode listSchema(ServedGroup group, ResourceInfo r) {
    ObjectNode schema =
        MetaSchemas.list(
            "A list of " + r.plural() + ".",
            group.groupVersion(),
            r.listKind(),
            REF,
            "The " + r.plural() + ".",
            REF + component(group, r.kind()));
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(group, r.listKind()));
    return schema;
  }

  private static ObjectNode operation(
      ServedGroup group, ResourceInfo r, String id, String action, String responseKind) {
    ObjectNode op = MAPPER.createObjectNode();
    op.put("description", action + " " + r.plural() + " (read-only).");
    op.put("operationId", id);
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk(group, r.kind()));
    ArrayNode parameters = op.putArray("parameters");
    if (action.equals("list")) {
      parameters.add(query("labelSelector", "string"));
      parameters.add(query("fieldSelector", "string"));
      parameters.add(query("resourceVersion", "string"));
      parameters.add(query("timeoutSeconds", "integer"));
      parameters.add(query("watch", "boolean"));
    }
    ObjectNode ok = op.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ok.putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", REF + component(group, responseKind));
    return op;
  }

  private static ObjectNode gvk(ServedGroup group, String kind) {
    ObjectNode gvk = MAPPER.createObjectNode();
    gvk.put("group", group.group());
    gvk.put("version", group.version());
    gvk.put("kind", kind);
    return gvk;
  }

  private static ObjectNode pathParameter(String name) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("name", name);
    p.put("in", "path");
    p.put("required", true);
    p.put("description", "Object " + name + ".");
    p.putObject("schema").put("type", "string");
    return p;
  }

  private static ObjectNode query(String name, String type) {
    ObjectNode p = MAPPER.createObjectNode();
    p.put("name", name);
    p.put("in", "query");
    p.putObject("schema").put("type", type);
    return p;
  }
}
