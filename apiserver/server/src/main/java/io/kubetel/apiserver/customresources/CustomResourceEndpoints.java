package io.kubetel.apiserver.customresources;

import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.http.RequestAttributes;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Mounts the {@code kubetel.io/v1alpha1} custom resources standalone mode serves from files, under
 * kube-apiserver's URL shapes: {@code /apis/kubetel.io/v1alpha1/<plural>[/<name>]} and {@code
 * .../namespaces/<ns>/<plural>[/<name>]}, every method (writes get 405 from the handler, which says
 * why). Discovery and OpenAPI publish {@link #infos()}.
 */
public final class CustomResourceEndpoints implements EndpointGroup {
  private final List<CustomResourceHandler> handlers;

  /**
   * @param kinds the served kinds, from their CRDs
   * @param objects the loaded objects
   * @param clock for AGE columns
   * @param maxWatchTimeout how long a watch stays open at most (and by default)
   */
  public CustomResourceEndpoints(
      List<CrdKind> kinds, CustomResourceSet objects, Clock clock, Duration maxWatchTimeout) {
    this.handlers =
        kinds.stream()
            .map(k -> new CustomResourceHandler(k, objects, clock, maxWatchTimeout))
            .toList();
  }

  /** What discovery and OpenAPI publish about the served kinds. */
  public List<ResourceInfo> infos() {
    return handlers.stream().map(h -> h.kind().info()).toList();
  }

  @Override
  public void register(Router router) {
    for (CustomResourceHandler handler : handlers) {
      String plural = handler.kind().plural();
      String base = CustomResourceGroup.PATH;
      for (String path :
          List.of(
              base + "/" + plural,
              base + "/" + plural + "/:name",
              base + "/namespaces/:namespace/" + plural,
              base + "/namespaces/:namespace/" + plural + "/:name")) {
        router
            .route(path)
            .handler(
                context -> {
                  context.put(RequestAttributes.RESOURCE, plural);
                  context.put(RequestAttributes.RESOURCE_REQUEST, Boolean.TRUE);
                  context.next();
                })
            .handler(handler::handle);
      }
    }
  }
}
