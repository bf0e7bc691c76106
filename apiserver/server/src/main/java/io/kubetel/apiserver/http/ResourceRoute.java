package io.kubetel.apiserver.http;

import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * What the router needs to know to mount one resource: its URL plural, whether it is namespaced,
 * the verbs it serves (methods are checked from them) and the handler for its requests.
 *
 * <p>It is the small API the {@code http} layer offers to resources, so resources depend on {@code
 * http} and never the reverse.
 */
public interface ResourceRoute {

  /** Resource name in URLs, e.g. {@code metrics}. */
  String plural();

  /** Whether the resource is also mounted under {@code /namespaces/:namespace}. */
  boolean namespaced();

  /** The advertised verbs (get, list, watch, create). */
  List<String> verbs();

  /**
   * Handles one request routed to this resource. Failures are reported by failing the context (with
   * an {@link ApiException} from {@link StatusMapper}); the router renders them as a Status.
   */
  void handle(RoutingContext context);
}
