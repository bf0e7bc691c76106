package io.kubetel.apiserver.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.TelemetryApiGroup;

/**
 * Builds OpenAPI v3 object schemas with a description on every property, as discovery and {@code
 * kubectl explain} show them.
 */
public final class Schemas {
  private Schemas() {}

  /** An object schema with a description. */
  public static ObjectNode object(String description) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("type", "object");
    o.put("description", description);
    o.putObject("properties");
    return o;
  }

  /** A scalar schema: string, integer, number or boolean, with an optional format. */
  public static ObjectNode scalar(String type, String format, String description) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("type", type);
    if (format != null) {
      o.put("format", format);
    }
    o.put("description", description);
    return o;
  }

  public static ObjectNode string(String description) {
    return scalar("string", null, description);
  }

  /** Marks {@code schema} nullable: the served object may carry null there. */
  public static ObjectNode nullable(ObjectNode schema) {
    schema.put("nullable", true);
    return schema;
  }

  /** A string-to-string map. */
  public static ObjectNode stringMap(String description) {
    ObjectNode o = object(description);
    o.remove("properties");
    o.putObject("additionalProperties").put("type", "string");
    return o;
  }

  /** An array of {@code items}. */
  public static ObjectNode array(ObjectNode items, String description) {
    ObjectNode o = ApiJson.MAPPER.createObjectNode();
    o.put("type", "array");
    o.put("description", description);
    o.set("items", items);
    return o;
  }

  /** Adds a property to an object schema and returns the object. */
  public static ObjectNode prop(ObjectNode parent, String name, ObjectNode schema) {
    ((ObjectNode) parent.get("properties")).set(name, schema);
    return parent;
  }

  /**
   * The top-level schema of a kind: apiVersion, kind, metadata (reference-free, described), plus
   * the given spec and status.
   */
  public static ObjectNode kind(String description, ObjectNode spec, ObjectNode status) {
    ObjectNode root = object(description);
    prop(
        root,
        "apiVersion",
        string("APIVersion of this object: " + TelemetryApiGroup.API_VERSION + "."));
    prop(root, "kind", string("Kind of this object."));
    ObjectNode meta = object("Standard object metadata.");
    prop(meta, "name", string("Object name, unique in its namespace."));
    prop(meta, "namespace", string("Kubernetes namespace of the telemetry (k8s.namespace.name)."));
    prop(meta, "labels", stringMap("Labels derived from the telemetry, usable with -l."));
    prop(
        meta,
        "resourceVersion",
        string("As-of time of the read, in milliseconds since the epoch; use it to watch."));
    prop(
        meta,
        "creationTimestamp",
        scalar("string", "date-time", "When the telemetry first appeared in the read window."));
    prop(root, "metadata", meta);
    if (spec != null) {
      prop(root, "spec", spec);
    }
    if (status != null) {
      prop(root, "status", status);
    }
    return root;
  }
}
