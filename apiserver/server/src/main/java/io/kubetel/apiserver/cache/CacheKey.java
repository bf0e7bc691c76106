package io.kubetel.apiserver.cache;

import java.util.List;
import java.util.Objects;

/**
 * One cached read: whose data ({@link CacheScope}), which store call, its normalized arguments and
 * its time slot. Equal keys mean the same answer within the cache's freshness bounds.
 *
 * @param tenant the identity the request resolves to (never shared across tenants)
 * @param operation the store call, e.g. {@code listLogs}
 * @param query the call's normalized arguments (selectors in canonical order, limit, cursor, ...)
 * @param time the window as the cache sees it: a live bucket or exact past bounds
 */
public record CacheKey(Object tenant, String operation, List<Object> query, TimeSlot time) {

  public CacheKey {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(operation, "operation");
    query = List.copyOf(query);
    Objects.requireNonNull(time, "time");
  }

  /** Whether the result is of a window in the past (kept longer). */
  public boolean past() {
    return time.past();
  }

  /**
   * A window as the cache keys it: a window ending near now is identified by its length and the
   * bucket its end falls in (so dashboards refreshing every few seconds share one result); a window
   * that ended long enough ago by its exact bounds.
   *
   * @param past whether the window ended before the past threshold
   * @param first the length in milliseconds (live) or the start in epoch milliseconds (past)
   * @param second the bucket number of the end (live) or the end in epoch milliseconds (past)
   */
  public record TimeSlot(boolean past, long first, long second) {}
}
