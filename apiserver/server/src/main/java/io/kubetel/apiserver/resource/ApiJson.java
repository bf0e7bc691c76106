package io.kubetel.apiserver.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.model.json.Json;
import java.io.UncheckedIOException;
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

  /** JSON has no NaN or Infinity: such values become null (and are then left out). */
  public static Double finite(Double v) {
    return v == null || v.isNaN() || v.isInfinite() ? null : v;
  }

  /**
   * The metadata of a served object: labels sorted so output is stable, an empty namespace and
   * empty labels left out.
   */
  public static ObjectMeta metadata(
      String name,
      String namespace,
      Map<String, String> labels,
      String resourceVersion,
      Instant created) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    if (namespace != null && !namespace.isEmpty()) {
      meta.setNamespace(namespace);
    }
    if (labels != null && !labels.isEmpty()) {
      meta.setLabels(sorted(labels));
    }
    meta.setResourceVersion(resourceVersion);
    meta.setCreationTimestamp(timestamp(created));
    return meta;
  }

  /** A copy of {@code map} in key order, so output is stable. */
  public static Map<String, String> sorted(Map<String, String> map) {
    return map == null ? null : new TreeMap<>(map);
  }

  /** A typed wire object as JSON, written by the one mapper. */
  public static String write(Object wireObject) {
    try {
      return MAPPER.writeValueAsString(wireObject);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
