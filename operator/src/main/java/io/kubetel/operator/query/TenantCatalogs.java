package io.kubetel.operator.query;

import io.kubetel.model.query.QueryCatalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The catalog of a namespace's data: the database of the TelemetryTenant whose {@code
 * status.resolvedNamespaces} holds the namespace (the cached {@link TenantIndex}), else the default
 * database when one is configured. One catalog is kept per database.
 */
public final class TenantCatalogs implements CatalogLookup {

  private final TenantDatabases tenants;
  private final Function<String, QueryCatalog> catalogForDatabase;
  private final Optional<String> defaultDatabase;
  private final Map<String, QueryCatalog> catalogs = new ConcurrentHashMap<>();

  public TenantCatalogs(
      TenantDatabases tenants,
      Function<String, QueryCatalog> catalogForDatabase,
      Optional<String> defaultDatabase) {
    this.tenants = tenants;
    this.catalogForDatabase = catalogForDatabase;
    this.defaultDatabase = defaultDatabase;
  }

  @Override
  public Optional<QueryCatalog> forNamespace(String namespace) {
    Optional<String> database = tenants.databaseOf(namespace).or(() -> defaultDatabase);
    return database.map(db -> catalogs.computeIfAbsent(db, catalogForDatabase));
  }
}
