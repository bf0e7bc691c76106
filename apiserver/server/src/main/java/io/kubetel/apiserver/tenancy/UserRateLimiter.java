package io.kubetel.apiserver.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * The {@code requestsPerSecond} quota: a token bucket per user and tenant, refilled at the tenant's
 * rate and holding at most one second's worth, in a bounded cache (idle buckets are full anyway, so
 * forgetting them loses nothing). Each replica refills at its {@link QuotaShare} of the rate.
 */
public final class UserRateLimiter {
  private final Cache<String, Bucket> buckets;
  private final LongSupplier nanos;
  private final QuotaShare share;

  public UserRateLimiter(long maxBuckets, LongSupplier nanos, QuotaShare share) {
    this.share = share;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxBuckets)
            .expireAfterAccess(Duration.ofMinutes(5))
            .build();
    this.nanos = nanos;
  }

  /**
   * Takes one request from {@code user}'s bucket for {@code scope}.
   *
   * @return empty when allowed, else the seconds until a request would be (for Retry-After)
   */
  public OptionalInt tryAcquire(String user, TenantScope scope) {
    int rate = share.of(scope.quotas().requestsPerSecond());
    Bucket bucket =
        buckets.get(
            user + "|" + scope.tenantLabel() + "|" + rate,
            k -> new Bucket(rate, nanos.getAsLong()));
    return bucket.take(nanos.getAsLong());
  }

  /** The quota as a 429 message states it, with this replica's share. */
  public String quotaText(TenantScope scope) {
    return share.describe("requestsPerSecond", scope.quotas().requestsPerSecond());
  }

  private static final class Bucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    Bucket(int perSecond, long now) {
      this.perNano = perSecond / 1e9;
      this.capacity = perSecond;
      this.tokens = perSecond;
      this.last = now;
    }

    synchronized OptionalInt take(long now) {
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return OptionalInt.empty();
      }
      double waitSeconds = (1 - tokens) / perNano / 1e9;
      return OptionalInt.of((int) Math.max(1, Math.ceil(waitSeconds)));
    }
  }
}
