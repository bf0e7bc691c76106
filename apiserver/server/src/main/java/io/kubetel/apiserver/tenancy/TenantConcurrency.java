package io.kubetel.apiserver.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kubetel.apiserver.http.ApiException;
import java.util.concurrent.Semaphore;

/**
 * The {@code maxConcurrentQueries} quota: at most that many storage reads of one tenant run at once
 * in this server. One more is refused at once with 429 TooManyRequests and {@code Retry-After}
 * (kubectl then retries by itself), so a flooding tenant queues in its own clients instead of in
 * the shared worker pool where it would delay everybody else. Each replica allows its {@link
 * QuotaShare} of the quota.
 */
public final class TenantConcurrency {
  static final int RETRY_AFTER_SECONDS = 1;

  // Keyed by tenant and limit, so a changed quota takes effect with a fresh semaphore.
  private final Cache<String, Semaphore> permits;
  private final QuotaShare share;

  public TenantConcurrency(long maxTenants, QuotaShare share) {
    this.permits = Caffeine.newBuilder().maximumSize(maxTenants).build();
    this.share = share;
  }

  /** A permit to read for {@code scope}; close it when the read is done. */
  public Permit acquire(TenantScope scope) {
    int quota = scope.quotas().maxConcurrentQueries();
    int limit = share.of(quota);
    Semaphore semaphore = permits.get(scope.tenantLabel() + "|" + limit, k -> new Semaphore(limit));
    if (!semaphore.tryAcquire()) {
      throw ApiException.tooManyRequests(
          "too many concurrent queries for "
              + describe(scope)
              + " (quota "
              + share.describe("maxConcurrentQueries", quota)
              + "); retry shortly",
          RETRY_AFTER_SECONDS);
    }
    return semaphore::release;
  }

  static String describe(TenantScope scope) {
    return scope.tenant().map(t -> "tenant \"" + t + "\"").orElse("namespaces of no tenant");
  }

  /** A held permit. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
