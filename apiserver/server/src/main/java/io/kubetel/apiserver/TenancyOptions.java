package io.kubetel.apiserver;

import io.kubetel.apiserver.tenancy.QuotaShare;
import io.kubetel.apiserver.tenancy.TenancySettings;
import io.kubetel.apiserver.tenancy.TenantQuotas;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --tenancy*} flags (a picocli mixin of {@link ApiServerMain}). */
final class TenancyOptions {
  @Option(
      names = "--tenancy",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Route each namespace's reads to its TelemetryTenant's database, ClickHouse user and"
              + " quotas (cluster: informers; standalone: TelemetryTenants in"
              + " --custom-resources-dir).")
  boolean enabled = true;

  @Option(
      names = "--tenant-credentials-namespace",
      defaultValue = "${env:POD_NAMESPACE:-" + TenancySettings.DEFAULT_CREDENTIALS_NAMESPACE + "}",
      description =
          "Namespace of the tenants' ClickHouse credentials Secrets (default: the pod's namespace"
              + " from POD_NAMESPACE, else kubetel-system).")
  String credentialsNamespace;

  @Option(
      names = "--untenanted-max-concurrent-queries",
      defaultValue = "10",
      description = "Concurrent queries allowed for namespaces of no tenant (429 past it).")
  int untenantedConcurrency;

  @Option(
      names = "--untenanted-requests-per-second",
      defaultValue = "20",
      description =
          "Requests per second per user for namespaces of no tenant and -A (429 past it).")
  int untenantedRate;

  @Option(
      names = "--tenancy-max-open-stores",
      defaultValue = "256",
      description = "Most tenant ClickHouse clients kept open (least recently used are closed).")
  long maxStores;

  @Option(
      names = "--tenancy-sync-timeout",
      defaultValue = "30s",
      converter = DurationConverter.class,
      description = "How long the start waits for the TelemetryTenant and Secret informers.")
  Duration syncTimeout;

  @Option(
      names = "--quota-replicas",
      defaultValue = "1",
      description =
          "API server replicas sharing the TelemetryTenant quotas: each enforces requestsPerSecond"
              + " and maxConcurrentQueries divided by this (the chart sets its replica count).")
  int quotaReplicas;

  TenancySettings settings() {
    TenantQuotas d = TenantQuotas.CRD_DEFAULTS;
    return new TenancySettings(
        enabled,
        credentialsNamespace,
        new TenantQuotas(
            d.maxQueryTime(),
            d.maxRowsRead(),
            d.maxResultRows(),
            d.maxMemoryBytes(),
            untenantedConcurrency,
            untenantedRate),
        maxStores,
        syncTimeout,
        new QuotaShare(quotaReplicas));
  }
}
