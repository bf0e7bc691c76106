package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.model.json.Json;
import java.util.List;

/**
 * Builds the discovery documents kubectl and kube-apiserver read, from the served resources' {@link
 * ResourceInfo} only (discovery never touches storage, so it answers while ClickHouse is down):
 * {@code /api}, the legacy {@code APIGroupList}, {@code APIGroup} and {@code APIResourceList}, and
 * the aggregated discovery v2 {@code APIGroupDiscoveryList}.
 */
public final class DiscoveryDocuments {
  private static final ObjectMapper MAPPER = Json.mapper();

  private final List<ResourceInfo> resources;

  public DiscoveryDocuments(List<ResourceInfo> resources) {
    this.resources = List.copyOf(resources);
  }

  /** {@code GET /api}: no core group is served (listing v1 would make clients query /api/v1). */
  public ObjectNode apiVersions() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "APIVersions");
    root.putArray("versions");
    return root;
  }

  /** {@code GET /apis} without the aggregated Accept: a legacy APIGroupList. */
  public ObjectNode groupList() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "APIGroupList");
    root.put("apiVersion", "v1");
    root.putArray("groups").add(groupBody(MAPPER.createObjectNode()));
    return root;
  }

  /** {@code GET /apis/telemetry.kubetel.io}: the APIGroup. */
  public ObjectNode group() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "APIGroup");
    root.put("apiVersion", "v1");
    return groupBody(root);
  }

  private static ObjectNode groupBody(ObjectNode group) {
    group.put("name", TelemetryApiGroup.GROUP);
    group.putArray("versions").add(groupVersion());
    group.set("preferredVersion", groupVersion());
    return group;
  }

  private static ObjectNode groupVersion() {
    ObjectNode version = MAPPER.createObjectNode();
    version.put("groupVersion", TelemetryApiGroup.API_VERSION);
    version.put("version", TelemetryApiGroup.VERSION);
    return version;
  }

  /** {@code GET /apis/telemetry.kubetel.io/v1alpha1}: the APIResourceList. */
  public ObjectNode resourceList() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "APIResourceList");
    root.put("apiVersion", "v1");
    root.put("groupVersion", TelemetryApiGroup.API_VERSION);
    ArrayNode list = root.putArray("resources");
    for (ResourceInfo info : resources) {
      ObjectNode resource = list.addObject();
      resource.put("name", info.plural());
      resource.put("singularName", info.singular());
      resource.put("namespaced", info.namespaced());
      resource.put("kind", info.kind());
      strings(resource.putArray("verbs"), info.verbs());
      if (!info.shortNames().isEmpty()) {
        strings(resource.putArray("shortNames"), info.shortNames());
      }
      if (!categories(info).isEmpty()) {
        strings(resource.putArray("categories"), categories(info));
      }
    }
    return root;
  }

  /** {@code GET /apis} with the aggregated Accept: the APIGroupDiscoveryList (v2). */
  public ObjectNode aggregated() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "APIGroupDiscoveryList");
    root.put("apiVersion", "apidiscovery.k8s.io/v2");
    root.putObject("metadata");
    ObjectNode group = root.putArray("items").addObject();
    group.putObject("metadata").put("name", TelemetryApiGroup.GROUP);
    ObjectNode version = group.putArray("versions").addObject();
    version.put("version", TelemetryApiGroup.VERSION);
    ArrayNode list = version.putArray("resources");
    for (ResourceInfo info : resources) {
      ObjectNode resource = list.addObject();
      resource.put("resource", info.plural());
      ObjectNode kind = resource.putObject("responseKind");
      kind.put("group", TelemetryApiGroup.GROUP);
      kind.put("version", TelemetryApiGroup.VERSION);
      kind.put("kind", info.kind());
      // Without scope kubectl treats a resource as cluster-scoped.
      resource.put("scope", info.namespaced() ? "Namespaced" : "Cluster");
      resource.put("singularResource", info.singular());
      strings(resource.putArray("verbs"), info.verbs());
      if (!info.shortNames().isEmpty()) {
        strings(resource.putArray("shortNames"), info.shortNames());
      }
      if (!categories(info).isEmpty()) {
        strings(resource.putArray("categories"), categories(info));
      }
    }
    // "Stale" makes kubectl drop the group silently; this server's own view is always current.
    version.put("freshness", "Current");
    return root;
  }

  /**
   * Categories as published: none for resources that cannot be listed. kubectl expands {@code get
   * <category>} to every resource in it without looking at verbs, so a create-only resource in
   * {@code telemetry} would make {@code kubectl get telemetry} fail with MethodNotAllowed.
   */
  static List<String> categories(ResourceInfo info) {
    return info.verbs().contains("list") ? info.categories() : List.of();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
