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
 * requests. {@code /readyz}: the server is not shutting down. {@code /healthz}: legacy, as {@code
 * /livez}. {@code ?verbose} lists each check as {@code [+]name ok} or {@code [-]name failed}.
 * {@code /metrics}: Prometheus text, with gauge {@code kubetel_storage_reachable}. Cluster mode
 * adds readiness checks of its own ({@link #readyOnlyIf}: the authentication ConfigMap read).
 *
 * <p>Storage is deliberately not part of readiness: behind the aggregator a not-ready API server
 * leaves the APIService Unavailable and breaks discovery (and namespace deletion) for the whole
 * cluster, while discovery and OpenAPI need no storage. ClickHouse trouble shows as an
 * informational {@code [-]store} line of {@code ?verbose} (which does not fail the probe), in the
 * gauge, and as 503 Statuses on data requests.
 *
 * <p>{@code /livez} and {@code /readyz} are served without a client certificate (kubelet probes
 * carry none; in cluster mode their {@code ?verbose} detail needs an authorized caller); {@code
 * /healthz} and {@code /metrics} need authentication and authorization.
 */
public final class HealthEndpoints implements EndpointGroup {
  private final StoreReadiness store;
  private final BooleanSupplier shuttingDown;
  private final PrometheusMeterRegistry registry;
  private final Map<String, BooleanSupplier> readinessChecks = new LinkedHashMap<>();

  public HealthEndpoints(
      StoreReadiness store, BooleanSupplier shuttingDown, PrometheusMeterRegistry registry) {
    this.store = store;
    this.shuttingDown = shuttingDown;
    this.registry = registry;
  }

  /**
   * Adds a check {@code /readyz} fails on while {@code check} is false (e.g. the authentication
   * ConfigMap not read yet); shown as {@code [-]name failed} like the others.
   */
  public HealthEndpoints readyOnlyIf(String name, BooleanSupplier check) {
    readinessChecks.put(name, check);
    return this;
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
    io.micrometer.core.instrument.Gauge.builder(
            "kubetel_storage_reachable", store, s -> s.ready() ? 1 : 0)
        .description("1 when the last storage ping succeeded recently, else 0")
        .register(registry);
  }

  private static Map<String, Boolean> live() {
    Map<String, Boolean> checks = new LinkedHashMap<>();
    checks.put("ping", true);
    return checks;
  }

  private Map<String, Boolean> healthy() {
    return live();
  }

  private Map<String, Boolean> ready() {
    Map<String, Boolean> checks = healthy();
    checks.put("shutdown", !shuttingDown.getAsBoolean());
    readinessChecks.forEach((name, check) -> checks.put(name, check.getAsBoolean()));
    return checks;
  }

  private void probe(RoutingContext context, String name, Map<String, Boolean> checks) {
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
      boolean reachable = store.ready();
      body.append(reachable ? "[+]store ok" : "[-]store failed: reason withheld")
          .append(" (informational: does not affect this probe)\n");
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
