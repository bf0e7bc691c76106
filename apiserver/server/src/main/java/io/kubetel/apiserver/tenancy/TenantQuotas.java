package io.kubetel.apiserver.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * A tenant's query quotas ({@code spec.quotas} of its TelemetryTenant): the ClickHouse settings
 * every one of its queries runs with, how many may run at once, and how many requests per second
 * each user may make against its namespaces. Missing fields take the CRD's defaults.
 *
 * @param maxQueryTime {@code max_execution_time} per query
 * @param maxRowsRead {@code max_rows_to_read} per query
 * @param maxResultRows {@code max_result_rows} per query
 * @param maxMemoryBytes {@code max_memory_usage} per query; 0 leaves the server's
 * @param maxConcurrentQueries queries of the tenant running at once in this API server
 * @param requestsPerSecond sustained requests per second per user against the tenant's namespaces
 */
public record TenantQuotas(
    Duration maxQueryTime,
    long maxRowsRead,
    long maxResultRows,
    long maxMemoryBytes,
    int maxConcurrentQueries,
    int requestsPerSecond) {

  /** The CRD's defaults (see {@code crds/.../tenant/Quotas}). */
  public static final TenantQuotas CRD_DEFAULTS =
      new TenantQuotas(Duration.ofSeconds(30), 100_000_000L, 200_000L, 0L, 10, 20);

  public TenantQuotas {
    if (maxQueryTime.toSeconds() < 1
        || maxRowsRead < 1
        || maxResultRows < 1
        || maxMemoryBytes < 0
        || maxConcurrentQueries < 1
        || requestsPerSecond < 1) {
      throw new IllegalArgumentException("tenant quotas must be positive");
    }
  }

  /** The quotas in a TelemetryTenant's {@code spec.quotas} (missing fields: the defaults). */
  public static TenantQuotas fromSpec(JsonNode quotas, TenantQuotas defaults) {
    return new TenantQuotas(
        Duration.ofSeconds(
            positive(quotas, "maxQuerySeconds", defaults.maxQueryTime().toSeconds())),
        positive(quotas, "maxRowsRead", defaults.maxRowsRead()),
        positive(quotas, "maxResultRows", defaults.maxResultRows()),
        Math.max(0, quotas.path("maxMemoryBytes").asLong(defaults.maxMemoryBytes())),
        (int) positive(quotas, "maxConcurrentQueries", defaults.maxConcurrentQueries()),
        (int) positive(quotas, "requestsPerSecond", defaults.requestsPerSecond()));
  }

  // The CRD bounds every field; a hand-written standalone file might not, so stay positive.
  private static long positive(JsonNode quotas, String field, long fallback) {
    long value = quotas.path(field).asLong(fallback);
    return value >= 1 ? value : fallback;
  }
}
