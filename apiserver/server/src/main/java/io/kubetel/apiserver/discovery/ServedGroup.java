package io.kubetel.apiserver.discovery;

import io.kubetel.apiserver.resource.ResourceInfo;
import java.util.List;

/**
 * One API group-version this server serves, with its resources: telemetry's always, and in
 * standalone mode also {@code kubetel.io/v1alpha1} (custom resources read from files).
 *
 * @param group e.g. {@code telemetry.kubetel.io}
 * @param version e.g. {@code v1alpha1}
 */
public record ServedGroup(String group, String version, List<ResourceInfo> resources) {
  public ServedGroup {
    resources = List.copyOf(resources);
  }

  /** {@code group/version}. */
  public String groupVersion() {
    return group + "/" + version;
  }
}
