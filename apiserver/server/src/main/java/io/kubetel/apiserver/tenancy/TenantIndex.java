package io.kubetel.apiserver.tenancy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The immutable namespace → tenant → database (+ credentials, quotas) index, rebuilt whenever a
 * TelemetryTenant or a credentials Secret changes, so a request resolves its tenant with one map
 * lookup. A namespace claimed by two tenants belongs to the older one (then the smaller name), as
 * the operator decides it.
 */
public final class TenantIndex {
  private static final Logger log = LoggerFactory.getLogger(TenantIndex.class);

  private final Map<String, TenantScope> byNamespace;
  private final Map<String, TenantScope> byTenant;
  private final java.util.Set<TenantScope> owning;
  private final TenantScope untenanted;

  private TenantIndex(
      Map<String, TenantScope> byNamespace,
      Map<String, TenantScope> byTenant,
      TenantScope untenanted) {
    this.byNamespace = Map.copyOf(byNamespace);
    this.byTenant = byTenant;
    this.owning = java.util.Set.copyOf(byNamespace.values());
    this.untenanted = untenanted;
  }

  /** An index with no tenants: every namespace reads the default database. */
  public static TenantIndex empty(TenantScope untenanted) {
    return new TenantIndex(Map.of(), new LinkedHashMap<>(), untenanted);
  }

  /**
   * Builds the index.
   *
   * @param tenants the TelemetryTenants
   * @param secrets credentials by Secret name (in the tenant credentials namespace)
   * @param untenanted the scope of namespaces of no tenant
   * @param defaults quotas for fields a tenant leaves out
   */
  public static TenantIndex build(
      List<TenantDefinition> tenants,
      Map<String, ClickHouseCredentials> secrets,
      TenantScope untenanted,
      TenantQuotas defaults) {
    List<TenantDefinition> ordered = new ArrayList<>(tenants);
    ordered.sort(
        Comparator.comparing(TenantDefinition::created).thenComparing(TenantDefinition::name));
    Map<String, TenantScope> byNamespace = new HashMap<>();
    Map<String, TenantScope> byTenant = new LinkedHashMap<>();
    for (TenantDefinition tenant : ordered) {
      Optional<ClickHouseCredentials> credentials = tenant.credentialsSecret().map(secrets::get);
      // A named Secret that is missing must not silently fall back to the server's own user:
      // the tenant is then not servable (no database), which reads answer with a 503.
      boolean servable = tenant.credentialsSecret().isEmpty() || credentials.isPresent();
      TenantScope scope =
          new TenantScope(
              Optional.of(tenant.name()),
              servable ? tenant.database().filter(TenantSecrets::validDatabase) : Optional.empty(),
              credentials,
              TenantQuotas.fromSpec(tenant.quotas(), defaults));
      byTenant.put(tenant.name(), scope);
      for (String namespace : tenant.namespaces()) {
        TenantScope owner = byNamespace.putIfAbsent(namespace, scope);
        if (owner != null) {
          log.warn(
              "event=tenant_namespace_conflict namespace={} owner={} ignored={}",
              namespace,
              owner.tenantLabel(),
              tenant.name());
        }
      }
    }
    return new TenantIndex(byNamespace, byTenant, untenanted);
  }

  /** The scope of a namespace: its tenant's, else the default database's. */
  public TenantScope scopeOf(String namespace) {
    return byNamespace.getOrDefault(namespace, untenanted);
  }

  /** The scope of a request: its namespace's; cluster-wide requests get the untenanted scope. */
  public TenantScope scopeOf(Optional<String> namespace) {
    return namespace.map(this::scopeOf).orElse(untenanted);
  }

  /** The scope of namespaces of no tenant. */
  public TenantScope untenanted() {
    return untenanted;
  }

  /**
   * Every readable scope for an all-namespaces read, one per database, ordered by database name
   * (the order continue tokens walk them in): the default database and the database of each
   * provisioned tenant that owns a namespace (a tenant owning none has no telemetry to show).
   */
  public List<TenantScope> readableScopes() {
    Map<String, TenantScope> byDatabase = new java.util.TreeMap<>();
    untenanted.database().ifPresent(db -> byDatabase.put(db, untenanted));
    for (TenantScope scope : byTenant.values()) {
      if (owning.contains(scope)) {
        scope.database().ifPresent(db -> byDatabase.putIfAbsent(db, scope));
      }
    }
    return List.copyOf(byDatabase.values());
  }

  /** How many tenants the index holds (for logs). */
  public int tenantCount() {
    return byTenant.size();
  }
}
