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
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the discovery documents kubectl and kube-apiserver read, from the served groups' {@link
 * ResourceInfo} only (discovery never touches storage, so it answers while ClickHouse is down):
 * {@code /api}, the legacy {@code APIGroupList}, {@code APIGroup} and {@code APIResourceList}
 * (fabric8's typed meta objects), and the aggregated discovery v2 {@link AggregatedDiscovery}.
 * Telemetry's group always comes first; standalone mode may add {@code kubetel.io}.
 */
public final class DiscoveryDocuments {
  private static final ObjectMapper MAPPER = Json.mapper();

  private final List<ServedGroup> groups;

  /** Discovery of the telemetry group only. */
  public DiscoveryDocuments(List<ResourceInfo> resources) {
    this.groups =
        List.of(new ServedGroup(TelemetryApiGroup.GROUP, TelemetryApiGroup.VERSION, resources));
  }

  private DiscoveryDocuments(List<ServedGroup> groups, ServedGroup added) {
    List<ServedGroup> all = new ArrayList<>(groups);
    all.add(added);
    this.groups = List.copyOf(all);
  }

  /** These documents with {@code group} served too, after the groups already present. */
  public DiscoveryDocuments with(ServedGroup group) {
    return new DiscoveryDocuments(groups, group);
  }

  /** The served groups, telemetry first. */
  public List<ServedGroup> groups() {
    return groups;
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
    list.setGroups(groups.stream().map(g -> group(g, null, null)).toList());
    return MAPPER.valueToTree(list);
  }

  /** {@code GET /apis/<group>}: the APIGroup of {@code served}. */
  public ObjectNode group(ServedGroup served) {
    return MAPPER.valueToTree(group(served, "APIGroup", "v1"));
  }

  private static APIGroup group(ServedGroup served, String kind, String apiVersion) {
    APIGroup group = new APIGroup();
    group.setKind(kind);
    group.setApiVersion(apiVersion);
    group.setName(served.group());
    GroupVersionForDiscovery version =
        new GroupVersionForDiscovery(served.groupVersion(), served.version());
    group.setVersions(List.of(version));
    group.setPreferredVersion(version);
    return group;
  }

  /** {@code GET /apis/telemetry.kubetel.io/v1alpha1}: the APIResourceList. */
  public ObjectNode resourceList() {
    return resourceList(groups.get(0));
  }

  /** {@code GET /apis/<group>/<version>}: the APIResourceList of {@code served}. */
  public ObjectNode resourceList(ServedGroup served) {
    APIResourceList list = new APIResourceList();
    list.setKind("APIResourceList");
    list.setApiVersion("v1");
    list.setGroupVersion(served.groupVersion());
    list.setResources(
        served.resources().stream()
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
    List<AggregatedDiscovery.Group> out = new ArrayList<>();
    for (ServedGroup served : groups) {
      List<AggregatedDiscovery.Resource> list =
          served.resources().stream()
              .map(
                  info ->
                      new AggregatedDiscovery.Resource(
                          info.plural(),
                          new AggregatedDiscovery.Kind(
                              served.group(), served.version(), info.kind()),
                          // Without scope kubectl treats a resource as cluster-scoped.
                          info.namespaced() ? "Namespaced" : "Cluster",
                          info.singular(),
                          info.verbs(),
                          info.shortNames(),
                          categories(info)))
              .toList();
      ObjectMeta name = new ObjectMeta();
      name.setName(served.group());
      // "Stale" makes kubectl drop the group silently; this server's own view is always current.
      AggregatedDiscovery.Version version =
          new AggregatedDiscovery.Version(served.version(), list, "Current");
      out.add(new AggregatedDiscovery.Group(name, List.of(version)));
    }
    return MAPPER.valueToTree(AggregatedDiscovery.of(out));
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
