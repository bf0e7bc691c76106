package io.kubetel.apiserver.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.model.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/** JSON helpers shared by the resources: one mapper and Kubernetes-style field formats. */
public final class ApiJson {
  /** Shared, thread-safe once configured. */
  public static final ObjectMapper MAPPER = Json.mapper();

  private ApiJson() {}

  /** Kubernetes timestamps ({@code creationTimestamp}) have second precision. */
  public static String timestamp(Instant t) {
    return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** RFC 3339 with the full precision of the data (points, span and log times). */
  public static String time(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The resourceVersion of an as-of time: milliseconds since the epoch. */
  public static String resourceVersion(Instant asOf) {
    return Long.toString(asOf.toEpochMilli());
  }

  /** Puts a string map, sorted so output is stable. */
  public static void putMap(ObjectNode parent, String field, Map<String, String> map) {
    ObjectNode node = parent.putObject(field);
    new TreeMap<>(map).forEach(node::put);
  }

  /** Starts an object with apiVersion, kind and metadata. */
  public static ObjectNode object(
      String kind,
      String name,
      String namespace,
      Map<String, String> labels,
      String resourceVersion,
      Instant created) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("apiVersion", TelemetryApiGroup.API_VERSION);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    if (namespace != null && !namespace.isEmpty()) {
      meta.put("namespace", namespace);
    }
    if (labels != null && !labels.isEmpty()) {
      putMap(meta, "labels", labels);
    }
    if (resourceVersion != null) {
      meta.put("resourceVersion", resourceVersion);
    }
    if (created != null) {
      meta.put("creationTimestamp", timestamp(created));
    }
    return o;
  }
}
