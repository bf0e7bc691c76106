package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ListMeta;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * Typed aggregated discovery ({@code apidiscovery.k8s.io/v2}) documents, which fabric8's model 7.9
 * does not have: only the fields kubectl and kube-apiserver read (see kubernetes-api-notes.md), in
 * the order Kubernetes writes them.
 *
 * @param kind always {@code APIGroupDiscoveryList}
 * @param apiVersion always {@code apidiscovery.k8s.io/v2}
 */
public record AggregatedDiscovery(
    String kind, String apiVersion, ListMeta metadata, List<Group> items) {

  /** The list of {@code groups}. */
  public static AggregatedDiscovery of(List<Group> groups) {
    return new AggregatedDiscovery(
        "APIGroupDiscoveryList", "apidiscovery.k8s.io/v2", new ListMeta(), List.copyOf(groups));
  }

  /** One API group ({@code APIGroupDiscovery}); {@code metadata.name} is the group. */
  public record Group(ObjectMeta metadata, List<Version> versions) {}

  /**
   * One version of a group ({@code APIVersionDiscovery}).
   *
   * @param freshness {@code Current}; {@code Stale} makes kubectl drop the group silently
   */
  public record Version(String version, List<Resource> resources, String freshness) {}

  /**
   * One resource ({@code APIResourceDiscovery}).
   *
   * @param scope {@code Namespaced} or {@code Cluster}; without it kubectl assumes cluster scope
   */
  public record Resource(
      String resource,
      Kind responseKind,
      String scope,
      String singularResource,
      List<String> verbs,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> shortNames,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> categories) {}

  /** The {@code responseKind}: group, version and kind of the objects served. */
  public record Kind(String group, String version, String kind) {}
}
