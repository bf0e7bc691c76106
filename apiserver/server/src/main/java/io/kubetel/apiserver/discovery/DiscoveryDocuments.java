package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.http.TelemetryApiGroup;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.model.json.Json;
import java.util.List;

/**
 * Builds the discovery documents kubectl and kube-apiserver read, from the served resources' {@link
 * ResourceInfo} only (discovery never touches storage, so it answers while ClickHouse is down):
 * {@code /api}, the legacy {@code APIGroupList}, {@code APIGroup} and {@code APIResourceList}
 * (fabric8's typed meta objects), and the aggregated discovery v2 {@link AggregatedDiscovery}.
 */
public final class DiscoveryDocuments {
  private static final ObjectMapper MAPPER = Json.mapper();

  private final List<ResourceInfo> resources;

  public DiscoveryDocuments(List<ResourceInfo> resources) {
    this.resources = List.copyOf(resources);
  }

  /** {@code GET /api}: no core group is served (listing v1 would make clients query /api/v1). */
  public ObjectNode apiVersions() {
    APIVersions versions = new APIVersions();
    versions.setKind("APIVersions");
    versions.setApiVersion(null);
    ObjectNode json = MAPPER.valueToTree(versions);
    // An empty list rather than none: clients iterate it.
    json.putArray("versions");
    return json;
  }

  /** {@code GET /apis} without the aggregated Accept: a legacy APIGroupList. */
  public ObjectNode groupList() {
    APIGroupList list = new APIGroupList();
    list.setKind("APIGroupList");
    list.setApiVersion("v1");
    list.setGroups(List.of(group(null, null)));
    return MAPPER.valueToTree(list);
  }

  /** {@code GET /apis/telemetry.kubetel.io}: the APIGroup. */
  public ObjectNode group() {
    return MAPPER.valueToTree(group("APIGroup", "v1"));
  }

  private static APIGroup group(String kind, String apiVersion) {
    APIGroup group = new APIGroup();
    group.setKind(kind);
    group.setApiVersion(apiVersion);
    group.setName(TelemetryApiGroup.GROUP);
    group.setVersions(List.of(groupVersion()));
    group.setPreferredVersion(groupVersion());
    return group;
  }

  private static GroupVersionForDiscovery groupVersion() {
    return new GroupVersionForDiscovery(TelemetryApiGroup.API_VERSION, TelemetryApiGroup.VERSION);
  }

  /** {@code GET /apis/telemetry.kubetel.io/v1alpha1}: the APIResourceList. */
  public ObjectNode resourceList() {
    APIResourceList list = new APIResourceList();
    list.setKind("APIResourceList");
    list.setApiVersion("v1");
    list.setGroupVersion(TelemetryApiGroup.API_VERSION);
    list.setResources(
        resources.stream()
            .map(
                info -> {
                  APIResource resource = new APIResource();
                  resource.setName(info.plural());
                  resource.setSingularName(info.singular());
                  resource.setNamespaced(info.namespaced());
                  resource.setKind(info.kind());
                  resource.setVerbs(info.verbs());
                  resource.setShortNames(info.shortNames());
                  resource.setCategories(categories(info));
                  return resource;
                })
            .toList());
    return MAPPER.valueToTree(list);
  }

  /** {@code GET /apis} with the aggregated Accept: the APIGroupDiscoveryList (v2). */
  public ObjectNode aggregated() {
    List<AggregatedDiscovery.Resource> list =
        resources.stream()
            .map(
                info ->
                    new AggregatedDiscovery.Resource(
                        info.plural(),
                        new AggregatedDiscovery.Kind(
                            TelemetryApiGroup.GROUP, TelemetryApiGroup.VERSION, info.kind()),
                        // Without scope kubectl treats a resource as cluster-scoped.
                        info.namespaced() ? "Namespaced" : "Cluster",
                        info.singular(),
                        info.verbs(),
                        info.shortNames(),
                        categories(info)))
            .toList();
    ObjectMeta name = new ObjectMeta();
    name.setName(TelemetryApiGroup.GROUP);
    // "Stale" makes kubectl drop the group silently; this server's own view is always current.
    AggregatedDiscovery.Version version =
        new AggregatedDiscovery.Version(TelemetryApiGroup.VERSION, list, "Current");
    return MAPPER.valueToTree(
        AggregatedDiscovery.of(List.of(new AggregatedDiscovery.Group(name, List.of(version)))));
  }

  /**
   * Categories as published: none for resources that cannot be listed. kubectl expands {@code get
   * <category>} to every resource in it without looking at verbs, so a create-only resource in
   * {@code telemetry} would make {@code kubectl get telemetry} fail with MethodNotAllowed.
   */
  static List<String> categories(ResourceInfo info) {
    return info.verbs().contains("list") ? info.categories() : List.of();
  }
}
