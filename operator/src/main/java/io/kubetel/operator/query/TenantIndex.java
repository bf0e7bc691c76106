package io.kubetel.operator.query;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant index the query checks read: which tenant's database holds a namespace's telemetry,
 * from {@code status.resolvedNamespaces} and {@code status.database}. One watch keeps a cache of
 * the TelemetryTenants, indexed by resolved namespace, so that validating an AlertRule or Dashboard
 * costs no request to the API server (before, every validation listed every tenant).
 */
public final class TenantIndex implements TenantDatabases, AutoCloseable {

  static final String BY_NAMESPACE = "resolvedNamespace";

  private final SharedIndexInformer<TelemetryTenant> informer;

  private TenantIndex(SharedIndexInformer<TelemetryTenant> informer) {
    this.informer = informer;
  }

  /**
   * Starts watching the tenants that {@code labelSelector} selects (null: all), without waiting for
   * the first list: {@link #databaseOf} throws until it arrived.
   */
  public static TenantIndex start(KubernetesClient client, String labelSelector) {
    var all = client.resources(TelemetryTenant.class);
    Informable<TelemetryTenant> tenants =
        labelSelector == null ? all : all.withLabelSelector(labelSelector);
    SharedIndexInformer<TelemetryTenant> informer = tenants.runnableInformer(0);
    informer.addIndexers(Map.of(BY_NAMESPACE, TenantIndex::resolvedNamespaces));
    informer.start();
    return new TenantIndex(informer);
  }

  private static List<String> resolvedNamespaces(TelemetryTenant t) {
    return t.getStatus() == null
            || t.getStatus().getDatabase() == null
            || t.getStatus().getResolvedNamespaces() == null
        ? List.of()
        : t.getStatus().getResolvedNamespaces();
  }

  /**
   * The database of the tenant that has {@code namespace} in its status (by name when, in a
   * conflict, two have), from the cache.
   *
   * @throws IllegalStateException before the first list of tenants arrived
   */
  @Override
  public Optional<String> databaseOf(String namespace) {
    if (!informer.hasSynced()) {
      throw new IllegalStateException("the tenant index is not loaded yet");
    }
    return informer.getIndexer().byIndex(BY_NAMESPACE, namespace).stream()
        .min(Comparator.comparing(t -> t.getMetadata().getName()))
        .map(t -> t.getStatus().getDatabase());
  }

  /** Whether the first list arrived and the watch runs (for readiness). */
  public boolean healthy() {
    return informer.hasSynced() && informer.isWatching();
  }

  @Override
  public void close() {
    informer.close();
  }
}
