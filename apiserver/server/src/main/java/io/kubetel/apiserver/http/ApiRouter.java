package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.Authenticator;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one HTTP router: access log and metrics, the guards before authentication,
 * authentication, the guards after it, body limit, then the non-resource endpoints and every
 * resource's four URL shapes; anything else is a 404 NotFound Status and every failure is rendered
 * by {@link ApiFailureHandler}.
 *
 * <p>Methods are checked here from each resource's advertised verbs, so what the server accepts
 * always matches discovery: GET for get/list/watch, POST on the collection only with {@code
 * create}.
 */
public final class ApiRouter {
  private final Vertx vertx;
  private final RequestMetrics metrics;
  private final AuthenticationHandler access;
  private final long maxBodyBytes;
  private final List<Handler<RoutingContext>> beforeAuthentication = new ArrayList<>();
  private final List<Handler<RoutingContext>> afterAuthentication = new ArrayList<>();

  /** A router that authenticates with {@code authenticators} and authorizes every user. */
  public ApiRouter(
      Vertx vertx, RequestMetrics metrics, List<Authenticator> authenticators, long maxBodyBytes) {
    this(vertx, metrics, new AuthenticationHandler(authenticators), maxBodyBytes);
  }

  /** A router whose requests pass {@code access} (authentication and authorization) first. */
  public ApiRouter(
      Vertx vertx, RequestMetrics metrics, AuthenticationHandler access, long maxBodyBytes) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.access = access;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Adds handlers every request passes before authentication (audit, the probe body limit) and
   * after it (the request budget), in the order given.
   */
  public ApiRouter guardedBy(
      List<Handler<RoutingContext>> beforeAuthentication,
      List<Handler<RoutingContext>> afterAuthentication) {
    this.beforeAuthentication.addAll(beforeAuthentication);
    this.afterAuthentication.addAll(afterAuthentication);
    return this;
  }

  /** The router serving {@code endpoints} and {@code handlers}. */
  public Router build(List<EndpointGroup> endpoints, List<? extends ResourceRoute> handlers) {
    Router router = Router.router(vertx);
    router.route().handler(new AccessLogHandler(metrics));
    beforeAuthentication.forEach(h -> router.route().handler(h));
    router.route().handler(access);
    afterAuthentication.forEach(h -> router.route().handler(h));
    router.route().handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    endpoints.forEach(group -> group.register(router));
    handlers.forEach(handler -> mount(router, handler));
    // kubectl looks up /api/v1/namespaces/NS after a NotFound and reports a missing namespace
    // instead when that lookup is NotFound too. This server does not serve the core API (behind
    // kube-apiserver it never sees these paths), so it must not claim the namespace is missing.
    router
        .route("/api/v1/*")
        .handler(
            context ->
                context.fail(
                    new ApiException(
                        403,
                        "Forbidden",
                        "this server serves only the "
                            + TelemetryApiGroup.GROUP
                            + " API; the core API (/api/v1) is served by kube-apiserver")));
    router
        .route()
        .handler(
            context -> {
              if (!context.normalizedPath().startsWith(TelemetryApiGroup.PATH + "/")) {
                context.fail(404);
                return;
              }
              context.fail(
                  new ApiException(
                      404, "NotFound", "the server could not find the requested resource"));
            });
    ApiFailureHandler failures = new ApiFailureHandler(metrics);
    router.route().failureHandler(failures);
    // Failures outside any route (e.g. a handler throwing after routing finished).
    router.errorHandler(500, failures);
    return router;
  }

  private static void mount(Router router, ResourceRoute handler) {
    String collection = "/" + handler.plural();
    String base = TelemetryApiGroup.PATH;
    mount(router, handler, base + collection, false);
    mount(router, handler, base + collection + "/:name", true);
    if (handler.namespaced()) {
      mount(router, handler, base + "/namespaces/:namespace" + collection, false);
      mount(router, handler, base + "/namespaces/:namespace" + collection + "/:name", true);
    }
  }

  private static void mount(Router router, ResourceRoute handler, String path, boolean named) {
    Route route = router.route(path);
    route.handler(
        context -> {
          context.put(RequestAttributes.RESOURCE, handler.plural());
          context.put(RequestAttributes.RESOURCE_REQUEST, Boolean.TRUE);
          context.next();
        });
    route.handler(context -> checkMethod(context, handler, named));
    route.handler(handler::handle);
  }

  private static void checkMethod(RoutingContext context, ResourceRoute route, boolean named) {
    HttpMethod method = context.request().method();
    boolean readable =
        route.verbs().contains("get")
            || route.verbs().contains("list")
            || route.verbs().contains("watch");
    boolean allowed =
        (HttpMethod.GET.equals(method) && readable)
            || (HttpMethod.POST.equals(method) && !named && route.verbs().contains("create"));
    if (!allowed) {
      context.fail(
          new ApiException(
              405,
              "MethodNotAllowed",
              "the server does not allow this method on the requested resource",
              route.plural(),
              null));
      return;
    }
    context.next();
  }
}
