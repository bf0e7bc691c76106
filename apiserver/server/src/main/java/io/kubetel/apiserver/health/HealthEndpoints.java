package io.kubetel.apiserver.health;

import io.kubetel.apiserver.http.EndpointGroup;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Probe and metrics endpoints, in kube-apiserver's format. {@code /livez}: the process serves
 * requests. {@code /readyz}: storage answered the cached ping and the server is not shutting down.
 * {@code /healthz}: legacy combined check. {@code ?verbose} lists each check as {@code [+]name ok}
 * or {@code [-]name failed}. {@code /metrics}: Prometheus text.
 *
 * <p>{@code /livez} and {@code /readyz} are served without a client certificate (kubelet probes
 * carry none; in cluster mode their {@code ?verbose} detail needs an authorized caller); {@code
 * /healthz} and {@code /metrics} need authentication and authorization.
 */
public final class HealthEndpoints implements EndpointGroup {
  private final StoreReadiness store;
  private final BooleanSupplier shuttingDown;
  private final PrometheusMeterRegistry registry;

  public HealthEndpoints(
      StoreReadiness store, BooleanSupplier shuttingDown, PrometheusMeterRegistry registry) {
    this.store = store;
    this.shuttingDown = shuttingDown;
    this.registry = registry;
  }

  @Override
  public void register(Router router) {
    router
        .get("/livez")
        .handler(EndpointGroup.label("health"))
        .handler(c -> probe(c, "livez", live()));
    router
        .get("/readyz")
        .handler(EndpointGroup.label("health"))
        .handler(c -> probe(c, "readyz", ready()));
    router
        .get("/healthz")
        .handler(EndpointGroup.label("health"))
        .handler(c -> probe(c, "healthz", healthy()));
    router.get("/metrics").handler(EndpointGroup.label("prometheus")).handler(this::metrics);
  }

  private static Map<String, Boolean> live() {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    checks.put("ping", true);
    return checks;
  }

  private Map<String, Boolean> healthy() {
    Map<String, Boolean> checks = live();
    checks.put("store", store.ready());
    return checks;
  }

  private Map<String, Boolean> ready() {
    Map<String, Boolean> checks = healthy();
    checks.put("shutdown", !shuttingDown.getAsBoolean());
    return checks;
  }

  private static void probe(RoutingContext context, String name, Map<String, Boolean> checks) {
    boolean passed = checks.values().stream().allMatch(Boolean::booleanValue);
    boolean verbose = context.request().params().contains("verbose");
    StringBuilder body = new StringBuilder();
    if (verbose || !passed) {
      checks.forEach(
          (check, ok) ->
              body.append(ok ? "[+]" : "[-]")
                  .append(check)
                  .append(ok ? " ok" : " failed: reason withheld")
                  .append('\n'));
      body.append(name).append(passed ? " check passed" : " check failed").append('\n');
    } else {
      body.append("ok");
    }
    context
        .response()
        .setStatusCode(passed ? 200 : 500)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cache-Control", "no-store")
        .end(body.toString());
  }

  private void metrics(RoutingContext context) {
    context
        .response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }
}
