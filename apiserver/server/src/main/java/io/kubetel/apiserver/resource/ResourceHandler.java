package io.kubetel.apiserver.resource;

import io.kubetel.apiserver.http.ResourceRoute;
import java.util.List;

/**
 * Serves one resource's requests (list, get, watch, create) and describes it for discovery and
 * OpenAPI.
 *
 * <p>The router mounts it, as a {@link ResourceRoute}, on {@code /apis/<group>/<version>/<plural>},
 * {@code .../<plural>/:name}, {@code .../namespaces/:namespace/<plural>} and {@code
 * .../namespaces/:namespace/<plural>/:name} (namespaced resources only) after authentication. Path
 * parameters {@code namespace} and {@code name} are present when in the path. Errors are reported
 * by failing the context with what {@link io.kubetel.apiserver.http.StatusMapper} made of them; the
 * router's failure handler renders every failure as a Kubernetes {@code Status}. Handlers never
 * block the event loop: storage calls run on the worker executor handed to them.
 */
public interface ResourceHandler extends ResourceRoute {

  /** What discovery and OpenAPI publish about this resource. */
  ResourceInfo info();

  @Override
  default String plural() {
    return info().plural();
  }

  @Override
  default boolean namespaced() {
    return info().namespaced();
  }

  @Override
  default List<String> verbs() {
    return info().verbs();
  }
}
