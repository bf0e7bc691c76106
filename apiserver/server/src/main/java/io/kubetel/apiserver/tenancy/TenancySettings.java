package io.kubetel.apiserver.tenancy;

import java.time.Duration;
import java.util.Objects;

/**
 * How the API server applies TelemetryTenants ({@code --tenancy*} flags, documented in the server's
 * README and {@code docs/security.md}).
 *
 * @param enabled whether requests are routed by tenant at all ({@code --tenancy}); off, every
 *     namespace reads {@code --clickhouse-database} as the server's own user
 * @param credentialsNamespace the namespace of the tenants' credentials Secrets (cluster mode)
 * @param untenantedQuotas the concurrency and request-rate quotas of namespaces of no tenant (their
 *     ClickHouse limits are the {@code --clickhouse-*} ones)
 * @param maxTenantStores most tenant ClickHouse clients kept open (least recently used closed)
 * @param syncTimeout how long the start waits for the informers' first lists
 * @param quotaShare the replicas the tenants' quotas are divided among ({@code --quota-replicas})
 */
public record TenancySettings(
    boolean enabled,
    String credentialsNamespace,
    TenantQuotas untenantedQuotas,
    long maxTenantStores,
    Duration syncTimeout,
    QuotaShare quotaShare) {

  public static final String DEFAULT_CREDENTIALS_NAMESPACE = "kubetel-system";

  public TenancySettings {
    Objects.requireNonNull(credentialsNamespace, "credentialsNamespace");
    Objects.requireNonNull(untenantedQuotas, "untenantedQuotas");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
    Objects.requireNonNull(quotaShare, "quotaShare");
    if (maxTenantStores < 1) {
      throw new IllegalArgumentException("--tenancy-max-open-stores must be at least 1");
    }
  }

  /** The defaults: tenancy on, CRD-default quotas for namespaces of no tenant. */
  public static TenancySettings defaults() {
    return new TenancySettings(
        true,
        DEFAULT_CREDENTIALS_NAMESPACE,
        TenantQuotas.CRD_DEFAULTS,
        256,
        Duration.ofSeconds(30),
        QuotaShare.WHOLE);
  }
}
