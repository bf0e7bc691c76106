package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Parses rendered manifests into fabric8's Kubernetes types as a cluster would decode them, and
 * refuses every field the type does not know (fabric8 keeps those in {@code additionalProperties},
 * where the cluster would drop them: a misspelt {@code readinesProbe} must fail, not vanish). Kinds
 * without fabric8 types (cert-manager's Certificate, ServiceMonitor) are refused here and checked
 * field by field by the tests.
 */
final class StrictManifests {
  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/ServiceAccount", ServiceAccount.class),
          Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ClusterRole.class),
          Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ClusterRoleBinding.class),
          Map.entry("rbac.authorization.k8s.io/v1/Role", Role.class),
          Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", RoleBinding.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
          Map.entry("apiregistration.k8s.io/v1/APIService", APIService.class),
          Map.entry(
              "apiextensions.k8s.io/v1/CustomResourceDefinition", CustomResourceDefinition.class));

  private StrictManifests() {}

  /** Whether {@code manifest}'s apiVersion and kind have a fabric8 type here. */
  static boolean typed(JsonNode manifest) {
    return TYPES.containsKey(key(manifest));
  }

  /** The manifest as its fabric8 type; fails naming every unknown field. */
  static HasMetadata parse(JsonNode manifest) {
    Class<? extends HasMetadata> type = TYPES.get(key(manifest));
    if (type == null) {
      throw new IllegalArgumentException("no fabric8 type for " + key(manifest));
    }
    HasMetadata parsed = Serialization.jsonMapper().convertValue(manifest, type);
    List<String> unknown = new ArrayList<>();
    collectUnknown(parsed, Manifests.id(manifest), unknown);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown fields: " + String.join(", ", unknown));
    }
    return parsed;
  }

  /** Every manifest parsed strictly, by its fabric8 type. */
  static List<HasMetadata> parseAll(List<? extends JsonNode> manifests) {
    return manifests.stream().map(StrictManifests::parse).toList();
  }

  private static String key(JsonNode m) {
    return m.path("apiVersion").asText() + "/" + m.path("kind").asText();
  }

  private static void collectUnknown(Object o, String path, List<String> unknown) {
    if (o == null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        collectUnknown(e, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method g : o.getClass().getMethods()) {
      if (g.getParameterCount() != 0
          || !g.getName().startsWith("get")
          || g.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = g.invoke(o);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String field = path + "." + decapitalize(g.getName().substring(3));
      if (g.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(k -> unknown.add(path + "." + k));
        }
      } else if (!(o instanceof io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps
          && g.getName().equals("getDefault"))) {
        collectUnknown(value, field, unknown);
      }
    }
  }

  private static String decapitalize(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
