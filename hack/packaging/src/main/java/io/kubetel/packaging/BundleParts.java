package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chart's OLM-mode rendering sorted into what a registry+v1 bundle holds: Deployments and the
 * rules of roles bound to the kubetel service accounts go into the CSV; roles for people and the
 * PodDisruptionBudget stay plain manifests (namespace left to OLM); service accounts and bindings
 * are OLM's to create. Any other kind is refused, so a new chart template cannot silently miss the
 * bundle.
 *
 * @param deployments the Deployments, in rendering order
 * @param clusterRules service account → rules of the ClusterRoles bound to it cluster-wide
 * @param namespaceRules service account → rules of the Roles bound to it in its namespace
 * @param rawManifests manifests copied into manifests/ as they are
 */
record BundleParts(
    List<ObjectNode> deployments,
    Map<String, List<JsonNode>> clusterRules,
    Map<String, List<JsonNode>> namespaceRules,
    List<ObjectNode> rawManifests) {

  private static final Set<String> RAW_KINDS = Set.of("PodDisruptionBudget", "ClusterRole");

  static BundleParts split(List<ObjectNode> rendered) {
    Map<String, ObjectNode> clusterRoles = new LinkedHashMap<>();
    Map<String, ObjectNode> roles = new LinkedHashMap<>();
    for (ObjectNode m : rendered) {
      String name = m.at("/metadata/name").asText();
      switch (m.path("kind").asText()) {
        case "ClusterRole" -> clusterRoles.put(name, m);
        case "Role" -> roles.put(name, m);
        default -> {}
      }
    }
    List<ObjectNode> deployments = new ArrayList<>();
    Map<String, List<JsonNode>> clusterRules = new LinkedHashMap<>();
    Map<String, List<JsonNode>> namespaceRules = new LinkedHashMap<>();
    List<String> boundClusterRoles = new ArrayList<>();
    List<ObjectNode> raw = new ArrayList<>();
    for (ObjectNode m : rendered) {
      String kind = m.path("kind").asText();
      switch (kind) {
        case "Deployment" -> deployments.add(m);
        case "ServiceAccount", "ClusterRole", "Role" -> {}
        case "ClusterRoleBinding" ->
            bind(m, clusterRoles, clusterRules, boundClusterRoles, "ClusterRole");
        case "RoleBinding" -> bind(m, roles, namespaceRules, new ArrayList<>(), "Role");
        case "PodDisruptionBudget" -> raw.add(withoutNamespace(m));
        default ->
            throw new IllegalStateException(
                Manifests.id(m) + " has no place in an OLM bundle; render it only when !olm");
      }
    }
    clusterRoles.forEach(
        (name, role) -> {
          if (!boundClusterRoles.contains(name)) {
            raw.add(role);
          }
        });
    raw.removeIf(m -> !RAW_KINDS.contains(m.path("kind").asText()));
    return new BundleParts(deployments, clusterRules, namespaceRules, raw);
  }

  private static void bind(
      ObjectNode binding,
      Map<String, ObjectNode> roles,
      Map<String, List<JsonNode>> rulesByAccount,
      List<String> bound,
      String roleKind) {
    String roleName = binding.at("/roleRef/name").asText();
    ObjectNode role = roles.get(roleName);
    if (!roleKind.equals(binding.at("/roleRef/kind").asText()) || role == null) {
      throw new IllegalStateException(
          Manifests.id(binding) + " binds " + roleName + ", which the chart does not render");
    }
    bound.add(roleName);
    for (JsonNode subject : binding.path("subjects")) {
      if (!"ServiceAccount".equals(subject.path("kind").asText())) {
        throw new IllegalStateException(Manifests.id(binding) + " binds a non service account");
      }
      List<JsonNode> rules =
          rulesByAccount.computeIfAbsent(subject.path("name").asText(), k -> new ArrayList<>());
      role.path("rules").forEach(rules::add);
    }
  }

  private static ObjectNode withoutNamespace(ObjectNode m) {
    ObjectNode copy = m.deepCopy();
    ((ObjectNode) copy.get("metadata")).remove("namespace");
    return copy;
  }
}
