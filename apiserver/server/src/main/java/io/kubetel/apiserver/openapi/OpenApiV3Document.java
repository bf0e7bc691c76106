package io.kubetel.apiserver.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.model.json.Json;
import java.util.List;

/**
 * Builds the OpenAPI v3 document of {@code telemetry.kubetel.io/v1alpha1} from the resources'
 * schemas, shaped the way kubectl and kube-apiserver read it: component schemas carry {@code
 * x-kubernetes-group-version-kind} as a list, operations carry it as a single object (kubectl
 * explain finds a kind through its operations).
 *
 * <p>Kinds that support create also get a PATCH operation with a {@code fieldValidation} parameter.
 * The server answers PATCH with 405; the operation exists because kubectl create only skips
 * downloading protobuf {@code /openapi/v2} (which this server cannot serve) when the v3 document
 * shows server-side field validation support for the kind.
 */
public final class OpenApiV3Document {
  /** Prefix of component names of this group's kinds. */
  static final String KIND_PREFIX = "io.kubetel.telemetry." + TelemetryApiGroup.VERSION + ".";

  static final String REF = "#/components/schemas/";
  private static final ObjectMapper MAPPER = Json.mapper();

  private OpenApiV3Document() {}

  /** The whole group-version document. */
  public static ObjectNode build(List<ResourceInfo> resources) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("openapi", "3.0.0");
    ObjectNode info = root.putObject("info");
    info.put("title", "kubetel telemetry API");
    info.put("version", TelemetryApiGroup.VERSION);
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = root.putObject("components").putObject("schemas");
    MetaSchemas.addTo(schemas, REF);
    for (ResourceInfo resource : resources) {
      schemas.set(KIND_PREFIX + resource.kind(), kindSchema(resource, REF));
      schemas.set(KIND_PREFIX + resource.listKind(), listSchema(resource, REF));
      addPaths(paths, resource);
    }
    return root;
  }

  /** The kind's schema with apiVersion, kind, metadata and its group-version-kind list. */
  static ObjectNode kindSchema(ResourceInfo resource, String refPrefix) {
    ObjectNode schema = resource.schema().deepCopy();
    if (!schema.has("description")) {
      schema.put("description", resource.kind() + " (" + resource.plural() + ").");
    }
    schema.put("type", "object");
    ObjectNode properties =
        schema.has("properties")
            ? (ObjectNode) schema.get("properties")
            : schema.putObject("properties");
    properties.set(
        "apiVersion", MetaSchemas.string("Always " + TelemetryApiGroup.API_VERSION + "."));
    properties.set("kind", MetaSchemas.string("Always " + resource.kind() + "."));
    if (!properties.has("metadata")) {
      properties.set(
          "metadata", MetaSchemas.ref(refPrefix + MetaSchemas.OBJECT_META, "Standard metadata."));
    }
    gvkList(schema, resource.kind());
    return schema;
  }

  static ObjectNode listSchema(ResourceInfo resource, String refPrefix) {
    ObjectNode schema =
        MetaSchemas.list(
            "A page of " + resource.plural() + ".",
            TelemetryApiGroup.API_VERSION,
            resource.listKind(),
            refPrefix,
            "The " + resource.plural() + " of this page.",
            refPrefix + KIND_PREFIX + resource.kind());
    gvkList(schema, resource.listKind());
    return schema;
  }

  private static void gvkList(ObjectNode schema, String kind) {
    schema.putArray("x-kubernetes-group-version-kind").add(gvk(kind));
  }

  static ObjectNode gvk(String kind) {
    ObjectNode gvk = MAPPER.createObjectNode();
    gvk.put("group", TelemetryApiGroup.GROUP);
    gvk.put("version", TelemetryApiGroup.VERSION);
    gvk.put("kind", kind);
    return gvk;
  }

  private static void addPaths(ObjectNode paths, ResourceInfo r) {
    String base = "/" + TelemetryApiGroup.PATH.substring(1);
    boolean create = r.verbs().contains("create");
    String kind = r.kind();
    if (r.namespaced()) {
      ObjectNode all = paths.putObject(base + "/" + r.plural());
      all.set("get", list(r, "list" + kind + "ForAllNamespaces", "in all namespaces"));
      ObjectNode collection = paths.putObject(base + "/namespaces/{namespace}/" + r.plural());
      collection.set("get", list(r, "listNamespaced" + kind, "in a namespace"));
      if (create) {
        collection.set("post", create(r, "createNamespaced" + kind));
      }
      collection.putArray("parameters").add(pathParameter("namespace", "Object namespace."));
      ObjectNode item = paths.putObject(base + "/namespaces/{namespace}/" + r.plural() + "/{name}");
      item.set("get", read(r, "readNamespaced" + kind));
      if (create) {
        item.set("patch", patch(r, "patchNamespaced" + kind));
      }
      ArrayNode parameters = item.putArray("parameters");
      parameters.add(pathParameter("name", "Object name."));
      parameters.add(pathParameter("namespace", "Object namespace."));
    } else {
      ObjectNode collection = paths.putObject(base + "/" + r.plural());
      collection.set("get", list(r, "list" + kind, ""));
      if (create) {
        collection.set("post", create(r, "create" + kind));
      }
      ObjectNode item = paths.putObject(base + "/" + r.plural() + "/{name}");
      item.set("get", read(r, "read" + kind));
      if (create) {
        item.set("patch", patch(r, "patch" + kind));
      }
      item.putArray("parameters").add(pathParameter("name", "Object name."));
    }
  }

  private static ObjectNode operation(ResourceInfo r, String id, String action, String summary) {
    ObjectNode op = MAPPER.createObjectNode();
    op.put("description", summary);
    op.put("operationId", id);
    op.putArray("tags").add("telemetryKubetelIo_" + TelemetryApiGroup.VERSION);
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk(r.kind()));
    op.putArray("parameters");
    return op;
  }

  private static ObjectNode list(ResourceInfo r, String id, String scope) {
    ObjectNode op =
        operation(
            r,
            id,
            "list",
            ("list or watch " + r.plural() + " " + scope).trim()
                + "; watch=true streams changes as watch events.");
    ArrayNode p = (ArrayNode) op.get("parameters");
    p.add(query("labelSelector", "string", "Select objects by label (resource attributes)."));
    p.add(query("fieldSelector", "string", "Select objects by field."));
    p.add(query("limit", "integer", "Maximum number of items in one page."));
    p.add(query("continue", "string", "Token of the next page from a previous list."));
    p.add(query("resourceVersion", "string", "Start a watch after this version."));
    p.add(query("timeoutSeconds", "integer", "Close a watch after this many seconds."));
    p.add(query("watch", "boolean", "Stream changes instead of returning a list."));
    p.add(query("allowWatchBookmarks", "boolean", "Send BOOKMARK events in a watch."));
    responses(op, "200", KIND_PREFIX + r.listKind());
    return op;
  }

  private static ObjectNode read(ResourceInfo r, String id) {
    ObjectNode op = operation(r, id, "get", "read the specified " + r.singular() + ".");
    responses(op, "200", KIND_PREFIX + r.kind());
    return op;
  }

  private static ObjectNode create(ResourceInfo r, String id) {
    ObjectNode op = operation(r, id, "post", "create (run) a " + r.singular() + ".");
    writeParameters((ArrayNode) op.get("parameters"));
    body(op, "application/json", r);
    responses(op, "200", KIND_PREFIX + r.kind());
    responses(op, "201", KIND_PREFIX + r.kind());
    return op;
  }

  private static ObjectNode patch(ResourceInfo r, String id) {
    ObjectNode op =
        operation(
            r,
            id,
            "patch",
            "not supported (answers 405 MethodNotAllowed); published so clients detect"
                + " server-side field validation.");
    writeParameters((ArrayNode) op.get("parameters"));
    body(op, "application/merge-patch+json", r);
    responses(op, "200", KIND_PREFIX + r.kind());
    return op;
  }

  private static void writeParameters(ArrayNode p) {
    p.add(query("dryRun", "string", "All: validate and run without side effects."));
    p.add(query("fieldManager", "string", "Name of the actor making the change."));
    p.add(query("fieldValidation", "string", "Ignore, Warn or Strict handling of unknown fields."));
  }

  private static void body(ObjectNode op, String mediaType, ResourceInfo r) {
    ObjectNode body = op.putObject("requestBody");
    body.put("required", true);
    body.putObject("content")
        .putObject(mediaType)
        .putObject("schema")
        .put("$ref", REF + KIND_PREFIX + r.kind());
  }

  private static void responses(ObjectNode op, String code, String schema) {
    ObjectNode responses =
        op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    ObjectNode response = responses.putObject(code);
    response.put("description", "OK");
    response
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("$ref", REF + schema);
    if (!responses.has("default")) {
      ObjectNode error = responses.putObject("default");
      error.put("description", "Failure, as a Kubernetes Status.");
      error
          .putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", REF + MetaSchemas.STATUS);
    }
  }

  private static ObjectNode query(String name, String type, String description) {
    ObjectNode parameter = MAPPER.createObjectNode();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("description", description);
    parameter.putObject("schema").put("type", type);
    parameter.put("uniqueItems", true);
    return parameter;
  }

  private static ObjectNode pathParameter(String name, String description) {
    ObjectNode parameter = MAPPER.createObjectNode();
    parameter.put("name", name);
    parameter.put("in", "path");
    parameter.put("required", true);
    parameter.put("description", description);
    parameter.putObject("schema").put("type", "string");
    parameter.put("uniqueItems", true);
    return parameter;
  }
}
