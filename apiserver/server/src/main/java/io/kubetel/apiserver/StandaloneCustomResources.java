package io.kubetel.apiserver;

import io.kubetel.apiserver.ApiServerConfig.Standalone;
import io.kubetel.apiserver.customresources.CrdKind;
import io.kubetel.apiserver.customresources.CustomResourceEndpoints;
import io.kubetel.apiserver.customresources.CustomResourceGroup;
import io.kubetel.apiserver.customresources.CustomResourceLoadException;
import io.kubetel.apiserver.customresources.CustomResourceLoader;
import io.kubetel.apiserver.customresources.CustomResourceSet;
import io.kubetel.apiserver.discovery.ServedGroup;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Part of the composition root: in standalone mode with {@code --custom-resources-dir}, loads the
 * Dashboards and AlertRules (at startup, before the event loop runs) and builds their endpoints and
 * the group discovery and OpenAPI publish. In cluster mode kube-apiserver serves these CRDs, so
 * there is nothing to build.
 *
 * @param endpoints the routes of the served kinds
 * @param group the group-version and its resources, for discovery and OpenAPI
 * @param objects what was loaded (the alert evaluator reads the AlertRules and Secrets)
 */
record StandaloneCustomResources(
    CustomResourceEndpoints endpoints, ServedGroup group, CustomResourceSet objects) {

  /**
   * The custom resources {@code config} asks for, if any.
   *
   * @throws CustomResourceLoadException when a file is invalid: the server must not start
   */
  static Optional<StandaloneCustomResources> load(ApiServerConfig config, Clock clock)
      throws CustomResourceLoadException {
    if (!(config.tls() instanceof Standalone standalone)
        || standalone.customResourcesDir().isEmpty()) {
      return Optional.empty();
    }
    List<CrdKind> kinds = CrdKind.served();
    CustomResourceSet objects =
        new CustomResourceLoader(kinds).load(standalone.customResourcesDir().get());
    CustomResourceEndpoints endpoints =
        new CustomResourceEndpoints(kinds, objects, clock, config.resources().watchMaxTimeout());
    return Optional.of(
        new StandaloneCustomResources(
            endpoints,
            new ServedGroup(
                CustomResourceGroup.GROUP, CustomResourceGroup.VERSION, endpoints.infos()),
            objects));
  }
}
