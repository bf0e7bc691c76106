package io.kubetel.apiserver.tenancy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store the resource handlers see when tenancy is on: routes each read to the store of the
 * namespace's tenant (its database, its ClickHouse user, its quotas), and an all-namespaces read to
 * every readable database, merged by {@link AllNamespacesPager}. Each read holds a permit of its
 * tenant's {@link TenantConcurrency}. Handlers stay unaware of tenants: they call the model's
 * reader interfaces as before.
 *
 * <p>A tenant whose database is not provisioned yet, or whose credentials Secret is missing, gets a
 * 503 without {@code Retry-After}; ClickHouse refusing a tenant's user its database is a 403.
 */
public final class TenantRoutingStore implements TelemetryStore {
  private static final Logger log = LoggerFactory.getLogger(TenantRoutingStore.class);

  private final TenantDirectory directory;
  private final TenantStores stores;
  private final TenantConcurrency concurrency;

  public TenantRoutingStore(
      TenantDirectory directory, TenantStores stores, TenantConcurrency concurrency) {
    this.directory = directory;
    this.stores = stores;
    this.concurrency = concurrency;
  }

  private <T> T read(TenantScope scope, Function<TelemetryStore, T> call) {
    if (scope.database().isEmpty()) {
      throw ApiException.unavailable(
          "tenant \""
              + scope.tenantLabel()
              + "\" is not ready: its ClickHouse database is not provisioned yet or its"
              + " credentials Secret is missing; see kubectl describe telemetrytenant "
              + scope.tenantLabel());
    }
    try (TenantConcurrency.Permit permit = concurrency.acquire(scope)) {
      return call.apply(stores.storeFor(scope));
    } catch (StoreAccessDeniedException e) {
      log.warn(
          "event=tenant_access_denied tenant={} database={} credentials_rejected={} message=\"{}\"",
          scope.tenantLabel(),
          scope.database().orElse(""),
          e.credentialsRejected(),
          e.getMessage());
      if (e.credentialsRejected()) {
        throw ApiException.unavailable(
            "ClickHouse refused the credentials of "
                + TenantConcurrency.describe(scope)
                + "; ask your administrator to check its credentials Secret");
      }
      throw new ApiException(
          403,
          "Forbidden",
          "ClickHouse refused "
              + TenantConcurrency.describe(scope)
              + " access to database \""
              + scope.database().get()
              + "\"; ask your administrator to check the tenant's database and ClickHouse user");
    }
  }

  private <T> T inNamespace(String namespace, Function<TelemetryStore, T> call) {
    return read(directory.current().scopeOf(namespace), call);
  }

  private <T> Page<T> list(
      ListRequest request, Function<TelemetryStore, Function<ListRequest, Page<T>>> method) {
    if (request.namespace().isPresent()) {
      return inNamespace(request.namespace().get(), s -> method.apply(s).apply(request));
    }
    return AllNamespacesPager.list(
        directory.current().readableScopes(),
        request,
        (scope, sub) -> read(scope, s -> method.apply(s).apply(sub)));
  }

  /** A get: in its namespace's database, or without namespace the first that has it. */
  private <T> Optional<T> get(String namespace, Function<TelemetryStore, Optional<T>> call) {
    return namespace != null && !namespace.isEmpty()
        ? inNamespace(namespace, call)
        : anywhere(call);
  }

  /** The first present result over every readable database (a get without namespace). */
  private <T> Optional<T> anywhere(Function<TelemetryStore, Optional<T>> call) {
    for (TenantScope scope : directory.current().readableScopes()) {
      Optional<T> found = read(scope, call);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  @Override
  public Page<MetricSeries> listSeries(ListRequest request) {
    return list(request, s -> s::listSeries);
  }

  @Override
  public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
    return get(namespace, s -> s.getSeries(namespace, name, window));
  }

  @Override
  public Page<TraceSummary> listTraces(ListRequest request) {
    return list(request, s -> s::listTraces);
  }

  @Override
  public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
    return get(namespace, s -> s.getTrace(namespace, traceId, window));
  }

  @Override
  public Page<LogEntry> listLogs(ListRequest request) {
    return list(request, s -> s::listLogs);
  }

  @Override
  public Optional<LogEntry> getLog(String namespace, String name) {
    return get(namespace, s -> s.getLog(namespace, name));
  }

  @Override
  public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    return read(directory.current().scopeOf(namespace), s -> s.run(spec, namespace, now));
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    if (namespace.isPresent()) {
      return inNamespace(namespace.get(), s -> s.metricExists(metricName, namespace));
    }
    return anywhere(
            s -> s.metricExists(metricName, namespace) ? Optional.of(true) : Optional.empty())
        .isPresent();
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    if (namespace.isPresent()) {
      return inNamespace(namespace.get(), s -> s.attributeKeys(signal, metricName, namespace));
    }
    Set<String> keys = new LinkedHashSet<>();
    for (TenantScope scope : directory.current().readableScopes()) {
      keys.addAll(read(scope, s -> s.attributeKeys(signal, metricName, namespace)));
    }
    return keys;
  }

  /** Readiness pings the server's own store: a tenant's trouble must not unready the server. */
  @Override
  public void ping() {
    stores.storeFor(directory.current().untenanted()).ping();
  }

  @Override
  public void close() {
    stores.close();
  }
}
