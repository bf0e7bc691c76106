package io.kubetel.apiserver.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.model.json.Json;

/**
 * OpenAPI schemas of the apimachinery types every kind refers to (ObjectMeta, ListMeta, Status),
 * under the component names kube-apiserver uses, limited to the fields this server fills.
 */
final class MetaSchemas {
  static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
  static final String OBJECT_META = META + "ObjectMeta";
  static final String LIST_META = META + "ListMeta";
  static final String STATUS = META + "Status";
  static final String STATUS_DETAILS = META + "StatusDetails";

  private static final ObjectMapper MAPPER = Json.mapper();

  private MetaSchemas() {}

  static void addTo(ObjectNode schemas, String refPrefix) {
    schemas.set(OBJECT_META, objectMeta());
    schemas.set(LIST_META, listMeta());
    schemas.set(STATUS_DETAILS, statusDetails());
    schemas.set(STATUS, status(refPrefix));
  }

  private static ObjectNode objectMeta() {
    ObjectNode schema = object("Standard object metadata.");
    ObjectNode p = schema.putObject("properties");
    p.set("name", string("Name of the object, unique within its namespace."));
    p.set("namespace", string("Namespace the object belongs to."));
    p.set(
        "labels",
        map("Labels derived from the telemetry's resource attributes; usable with -l selectors."));
    p.set("annotations", map("Unstructured key value data about the object."));
    p.set(
        "resourceVersion",
        string("Opaque version of the data the object was read from; used by watch."));
    p.set("uid", string("Unique identifier of the object."));
    ObjectNode created = string("Time the object was first observed (RFC 3339).");
    created.put("format", "date-time");
    p.set("creationTimestamp", created);
    return schema;
  }

  private static ObjectNode listMeta() {
    ObjectNode schema = object("Standard list metadata.");
    ObjectNode p = schema.putObject("properties");
    p.set("resourceVersion", string("Version of the data the list was read from."));
    p.set("continue", string("Token to fetch the next page; empty on the last page."));
    p.set("remainingItemCount", integer("int64", "Number of items after this page, when known."));
    return schema;
  }

  private static ObjectNode statusDetails() {
    ObjectNode schema = object("Extra data about a failure.");
    ObjectNode p = schema.putObject("properties");
    p.set("group", string("API group of the resource the failure is about."));
    p.set("kind", string("Resource (plural) the failure is about."));
    p.set("name", string("Name of the object the failure is about."));
    return schema;
  }

  private static ObjectNode status(String refPrefix) {
    ObjectNode schema = object("Result of a failed request.");
    ObjectNode p = schema.putObject("properties");
    p.set("apiVersion", string("Always v1."));
    p.set("kind", string("Always Status."));
    p.set("metadata", ref(refPrefix + LIST_META, "Standard list metadata."));
    p.set("status", string("Failure."));
    p.set("message", string("Human-readable description of the failure."));
    p.set("reason", string("Machine-readable reason, e.g. NotFound, BadRequest."));
    p.set("code", integer("int32", "HTTP status code."));
    p.set("details", ref(refPrefix + STATUS_DETAILS, "Extra data about the failure."));
    ObjectNode gvk = schema.putArray("x-kubernetes-group-version-kind").addObject();
    gvk.put("group", "");
    gvk.put("version", "v1");
    gvk.put("kind", "Status");
    return schema;
  }

  static ObjectNode object(String description) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("description", description);
    schema.put("type", "object");
    return schema;
  }

  /**
   * A list kind's schema (apiVersion, kind, list metadata and the array of {@code itemRef}), shared
   * by the telemetry and custom-resource documents; callers add their group-version-kind.
   */
  static ObjectNode list(
      String description,
      String apiVersion,
      String listKind,
      String refPrefix,
      String itemsDescription,
      String itemRef) {
    ObjectNode schema = object(description);
    schema.putArray("required").add("items");
    ObjectNode properties = schema.putObject("properties");
    properties.set("apiVersion", string("Always " + apiVersion + "."));
    properties.set("kind", string("Always " + listKind + "."));
    properties.set("metadata", ref(refPrefix + LIST_META, "Standard list metadata."));
    ObjectNode items = properties.putObject("items");
    items.put("description", itemsDescription);
    items.put("type", "array");
    items.putObject("items").put("$ref", itemRef);
    return schema;
  }

  static ObjectNode string(String description) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("description", description);
    schema.put("type", "string");
    return schema;
  }

  /** An integer of {@code format} (int32, int64). */
  static ObjectNode integer(String format, String description) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("type", "integer");
    schema.put("format", format);
    schema.put("description", description);
    return schema;
  }

  static ObjectNode map(String description) {
    ObjectNode schema = object(description);
    schema.putObject("additionalProperties").put("type", "string");
    return schema;
  }

  /** A reference with its own description (allOf keeps the description next to the $ref). */
  static ObjectNode ref(String target, String description) {
    ObjectNode schema = MAPPER.createObjectNode();
    schema.put("description", description);
    schema.putArray("allOf").addObject().put("$ref", target);
    return schema;
  }
}
