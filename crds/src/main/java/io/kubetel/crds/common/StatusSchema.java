package io.kubetel.crds.common;

import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/**
 * Completes the generated schema of a status type (or of {@link Condition}) where its Java types
 * say too little, used as {@code @SchemaCustomizer(value = StatusSchema.class, input = "a,b")}:
 *
 * <ul>
 *   <li>its {@code conditions} list is a map list keyed by {@code type} ({@code
 *       x-kubernetes-list-type: map}, {@code x-kubernetes-list-map-keys: [type]}), so server-side
 *       apply and GitOps tools merge conditions by type as they do for built-in kinds;
 *   <li>the fields named in {@code input} (comma-separated) are RFC 3339 timestamps ({@code format:
 *       date-time}); they stay strings in Java.
 * </ul>
 *
 * Only the crd-generator calls it, at build time.
 */
public final class StatusSchema implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String input, KubernetesSerialization serialization) {
    JSONSchemaProps conditions = schema.getProperties().get("conditions");
    if (conditions != null) {
      conditions.setXKubernetesListType("map");
      conditions.setXKubernetesListMapKeys(List.of("type"));
    }
    for (String field : input.split(",")) {
      if (field.isBlank()) {
        continue;
      }
      JSONSchemaProps timestamp = schema.getProperties().get(field.strip());
      if (timestamp == null) {
        throw new IllegalArgumentException("no field " + field + " to mark date-time");
      }
      timestamp.setFormat("date-time");
    }
    return schema;
  }
}
