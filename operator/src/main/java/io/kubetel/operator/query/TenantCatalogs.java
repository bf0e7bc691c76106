package io.kubetel.operator.query;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.model.query.QueryCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The catalog of a namespace's data: the database of the TelemetryTenant whose {@code
 * status.resolvedNamespaces} holds the namespace (the tenant index), else the default database when
 * one is configured. One catalog is kept per database.
 */
public final class TenantCatalogs implements CatalogLookup {

  private final KubernetesClient client;
  private final Function<String, QueryCatalog> catalogForDatabase;
  private final Optional<String> defaultDatabase;
  private final Map<String, QueryCatalog> catalogs = new ConcurrentHashMap<>();

  public TenantCatalogs(
      KubernetesClient client,
      Function<String, QueryCatalog> catalogForDatabase,
      Optional<String> defaultDatabase) {
    this.client = client;
    this.catalogForDatabase = catalogForDatabase;
    this.defaultDatabase = defaultDatabase;
  }

  @Override
  public Optional<QueryCatalog> forNamespace(String namespace) {
    Optional<String> database =
        client.resources(TelemetryTenant.class).list().getItems().stream()
            .filter(
                t ->
                    t.getStatus() != null
                        && t.getStatus().getResolvedNamespaces() != null
                        && t.getStatus().getResolvedNamespaces().contains(namespace)
                        && t.getStatus().getDatabase() != null)
            .map(t -> t.getStatus().getDatabase())
            .findFirst()
            .or(() -> defaultDatabase);
    return database.map(db -> catalogs.computeIfAbsent(db, catalogForDatabase));
  }
}
