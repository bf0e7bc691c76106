package io.kubetel.apiserver;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.apiserver.ApiServer.StoreFactory;
import io.kubetel.apiserver.ApiServerConfig.Standalone;
import io.kubetel.apiserver.cache.CacheScope;
import io.kubetel.apiserver.http.EndpointGroup;
import io.kubetel.apiserver.tenancy.ClusterTenantSource;
import io.kubetel.apiserver.tenancy.TenancySettings;
import io.kubetel.apiserver.tenancy.TenantConcurrency;
import io.kubetel.apiserver.tenancy.TenantDirectory;
import io.kubetel.apiserver.tenancy.TenantFiles;
import io.kubetel.apiserver.tenancy.TenantIndex;
import io.kubetel.apiserver.tenancy.TenantQuotas;
import io.kubetel.apiserver.tenancy.TenantRequestGate;
import io.kubetel.apiserver.tenancy.TenantRoutingStore;
import io.kubetel.apiserver.tenancy.TenantScope;
import io.kubetel.apiserver.tenancy.TenantStores;
import io.kubetel.apiserver.tenancy.UserRateLimiter;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the composition root: wires tenancy ({@code io.kubetel.apiserver.tenancy}). It builds the
 * tenant index's source (informers in cluster mode, {@code --custom-resources-dir} files in
 * standalone mode), the per-tenant stores (the one place a tenant's database, ClickHouse user and
 * quotas become {@link ClickHouseSettings}), the routing store the handlers read through and the
 * request gate (tenant scope on the context, per-user rate quota). With tenancy off, or in cluster
 * mode without a Kubernetes client ({@code --delegated-auth=false}), handlers read the server's own
 * store as before.
 */
final class TenancyWiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TenancyWiring.class);
  private static final Duration STORE_CLOSE_GRACE = Duration.ofMinutes(11);
  private static final long MAX_RATE_BUCKETS = 100_000;

  private final TelemetryStore store;
  private final List<EndpointGroup> endpoints;
  private final AutoCloseable source;
  private final CacheScope cacheScope;

  /**
   * @param source what {@link #close} stops: the informers and the routing store (never the
   *     server's own store)
   * @param cacheScope whose data a namespace's reads return, for the result cache
   */
  private TenancyWiring(
      TelemetryStore store,
      List<EndpointGroup> endpoints,
      AutoCloseable source,
      CacheScope cacheScope) {
    this.store = store;
    this.endpoints = endpoints;
    this.source = source;
    this.cacheScope = cacheScope;
  }

  /**
   * Starts tenancy over the server's own store {@code own}.
   *
   * @param client the Kubernetes client (cluster mode with delegation), if any
   * @param resources the plurals of the telemetry resources
   */
  static TenancyWiring start(
      ApiServerConfig config,
      TelemetryStore own,
      StoreFactory stores,
      Optional<KubernetesClient> client,
      Set<String> resources)
      throws IOException {
    TenancySettings settings = config.tenancy();
    ClickHouseSettings base = config.storage().clickhouse();
    TenantScope untenanted = TenantScope.untenanted(base.database(), settings.untenantedQuotas());
    boolean standalone = config.tls() instanceof Standalone;
    if (!settings.enabled() || (!standalone && client.isEmpty())) {
      if (settings.enabled()) {
        log.warn(
            "event=tenancy_off reason=\"cluster mode without --delegated-auth has no Kubernetes"
                + " client to watch TelemetryTenants\"");
      }
      return new TenancyWiring(own, List.of(), () -> {}, CacheScope.SERVER);
    }
    TenantDirectory directory;
    AutoCloseable source = () -> {};
    if (config.tls() instanceof Standalone s) {
      directory =
          new TenantDirectory(
              s.customResourcesDir().isPresent()
                  ? TenantFiles.load(
                      s.customResourcesDir().get(), untenanted, TenantQuotas.CRD_DEFAULTS)
                  : TenantIndex.empty(untenanted));
    } else {
      directory = new TenantDirectory();
      ClusterTenantSource cluster =
          new ClusterTenantSource(
              client.get(),
              settings.credentialsNamespace(),
              directory,
              untenanted,
              TenantQuotas.CRD_DEFAULTS);
      cluster.start(settings.syncTimeout());
      source = cluster;
    }
    TenantStores tenantStores =
        new TenantStores(
            own,
            scope -> stores.open(settingsFor(base, scope)),
            settings.maxTenantStores(),
            STORE_CLOSE_GRACE);
    TelemetryStore routing =
        new TenantRoutingStore(
            directory,
            tenantStores,
            new TenantConcurrency(settings.maxTenantStores() * 4, settings.quotaShare()));
    EndpointGroup gate =
        new TenantRequestGate(
            directory,
            new UserRateLimiter(MAX_RATE_BUCKETS, System::nanoTime, settings.quotaShare()),
            resources);
    log.info(
        "event=tenancy_on source={} credentials_namespace={} quota_replicas={}",
        standalone ? "files" : "informers",
        settings.credentialsNamespace(),
        settings.quotaShare().replicas());
    AutoCloseable informers = source;
    return new TenancyWiring(
        routing,
        List.of(gate),
        () -> {
          informers.close();
          routing.close();
        },
        cacheScope(directory));
  }

  /**
   * The result cache's tenant identity: a namespace's whole {@link TenantScope} (tenant, database,
   * credentials, quotas), so a changed Secret or quota starts afresh; for all namespaces every
   * readable scope, as the routing store merges them.
   */
  private static CacheScope cacheScope(TenantDirectory directory) {
    return namespace ->
        namespace.isPresent()
            ? directory.current().scopeOf(namespace.get())
            : List.of("*", directory.current().readableScopes());
  }

  /**
   * A tenant's ClickHouse settings: its database and user, and its quotas capped by the server's
   * own {@code --clickhouse-max-*} bounds.
   */
  static ClickHouseSettings settingsFor(ClickHouseSettings base, TenantScope scope) {
    TenantQuotas q = scope.quotas();
    ClickHouseSettings s = base.withDatabase(scope.database().orElseThrow());
    if (scope.credentials().isPresent()) {
      s = s.withCredentials(scope.credentials().get().user(), scope.credentials().get().password());
    }
    Duration time =
        q.maxQueryTime().compareTo(base.maxExecutionTime()) < 0
            ? q.maxQueryTime()
            : base.maxExecutionTime();
    return s.withLimits(
            time,
            Math.min(q.maxResultRows(), base.maxResultRows()),
            Math.min(q.maxRowsRead(), base.maxRowsToRead()))
        .withMaxMemoryUsage(q.maxMemoryBytes());
  }

  /** Whose data a namespace's reads return (the result cache's tenant part of a key). */
  CacheScope cacheScope() {
    return cacheScope;
  }

  /** The store the resource handlers read through. */
  TelemetryStore store() {
    return store;
  }

  /** The request gate, registered before the resource handlers (empty when tenancy is off). */
  List<EndpointGroup> endpoints() {
    return endpoints;
  }

  /** Stops the informers and closes the tenant stores (not the server's own). */
  @Override
  public void close() throws Exception {
    source.close();
  }
}
