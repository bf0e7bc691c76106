package io.kubetel.apiserver.tenancy;

/**
 * This replica's share of a quota that a TelemetryTenant states for the whole API server ({@code
 * requestsPerSecond}, {@code maxConcurrentQueries}): with {@code --quota-replicas=N} each of N
 * replicas enforces the limit divided by N (rounded up, at least 1), so the replicas together allow
 * what the spec says when the aggregator spreads requests evenly. Counting across replicas would
 * put a shared store on every request's path; where ClickHouse can enforce a quota for the tenant's
 * own user (its settings profile's {@code max_concurrent_queries_for_user}), it does so across
 * replicas as well.
 *
 * @param replicas the API server replicas that share the quotas (the Deployment's replicas)
 */
public record QuotaShare(int replicas) {
  /** One replica: the whole quota. */
  public static final QuotaShare WHOLE = new QuotaShare(1);

  public QuotaShare {
    if (replicas < 1) {
      throw new IllegalArgumentException("--quota-replicas must be at least 1, got " + replicas);
    }
  }

  /** This replica's part of {@code limit}. */
  public int of(int limit) {
    return Math.max(1, (limit + replicas - 1) / replicas);
  }

  /** How the quota reads in a 429 message, e.g. {@code requestsPerSecond=20, 10 per replica}. */
  public String describe(String quota, int limit) {
    String whole = quota + "=" + limit;
    return replicas == 1
        ? whole
        : whole + ", " + of(limit) + " in each of " + replicas + " API server replicas";
  }
}
