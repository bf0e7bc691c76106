package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.UserInfo;
import io.vertx.ext.web.RoutingContext;

/** Keys under which the router stores per-request facts in the {@link RoutingContext}. */
public final class RequestAttributes {
  /** The authenticated {@link UserInfo}. */
  public static final String USER = "kubetel.user";

  /** Metrics/log label of what was requested: a resource plural or a non-resource endpoint. */
  public static final String RESOURCE = "kubetel.resource";

  /** Set (to true) on requests routed to a resource handler. */
  public static final String RESOURCE_REQUEST = "kubetel.resourceRequest";

  private RequestAttributes() {}

  /** The authenticated user, or null for unauthenticated endpoints (probes). */
  public static UserInfo user(RoutingContext context) {
    return context.get(USER);
  }
}
