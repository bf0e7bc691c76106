package io.kubetel.apiserver.tenancy;

import java.util.Objects;
import java.util.Optional;

/**
 * Whose data a request reads: the tenant owning the request's namespace (or none), the ClickHouse
 * database holding it, the credentials its queries run as and its quotas. Resolved once per request
 * from the {@link TenantIndex}: by the request gate for the rate quota and the audit line, and by
 * the routing store for the read itself.
 *
 * @param tenant the TelemetryTenant's name; empty for namespaces of no tenant (the default
 *     database, read with the server's own credentials)
 * @param database the database to read; empty while the tenant's database is not provisioned yet
 * @param credentials the tenant's ClickHouse user; empty: the server's own
 * @param quotas the limits its queries run under
 */
public record TenantScope(
    Optional<String> tenant,
    Optional<String> database,
    Optional<ClickHouseCredentials> credentials,
    TenantQuotas quotas) {

  public TenantScope {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(quotas, "quotas");
  }

  /** The scope of namespaces of no tenant: the default database, the server's own user. */
  public static TenantScope untenanted(String database, TenantQuotas quotas) {
    return new TenantScope(Optional.empty(), Optional.of(database), Optional.empty(), quotas);
  }

  /** The tenant's name, or {@code ""} for namespaces of no tenant: for logs and cache keys. */
  public String tenantLabel() {
    return tenant.orElse("");
  }
}
