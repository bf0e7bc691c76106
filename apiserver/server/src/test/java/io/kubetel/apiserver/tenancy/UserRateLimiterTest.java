package io.kubetel.apiserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-user request-rate quota: a bucket of one second's worth, per user and tenant. */
class UserRateLimiterTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final UserRateLimiter limiter = new UserRateLimiter(100, nanos::get, QuotaShare.WHOLE);

  @Test
  void aBurstOfTheRateIsAllowedThenRetryAfterSaysWhenTheNextIs() {
    TenantScope shop = scope("shop", 3);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("alice", shop)).as("request %d", i).isEmpty();
    }
    assertThat(limiter.tryAcquire("alice", shop)).hasValue(1);

    nanos.addAndGet(400_000_000L); // 0.4 s refills 1.2 requests at 3/s
    assertThat(limiter.tryAcquire("alice", shop)).isEmpty();
    assertThat(limiter.tryAcquire("alice", shop)).isPresent();
  }

  @Test
  void usersAndTenantsHaveTheirOwnBuckets() {
    TenantScope shop = scope("shop", 1);
    TenantScope pay = scope("pay", 1);
    assertThat(limiter.tryAcquire("alice", shop)).isEmpty();
    assertThat(limiter.tryAcquire("alice", shop)).isPresent();

    assertThat(limiter.tryAcquire("bob", shop)).as("another user").isEmpty();
    assertThat(limiter.tryAcquire("alice", pay)).as("another tenant").isEmpty();
  }

  @Test
  void aSlowRateAsksForALongerWait() {
    TenantScope slow = scope("slow", 1);
    limiter.tryAcquire("alice", slow);
    nanos.addAndGet(100_000_000L);

    assertThat(limiter.tryAcquire("alice", slow)).hasValue(1);
  }

  @Test
  void eachOfSeveralReplicasAllowsItsShareOfTheRate() {
    UserRateLimiter oneOfTwo = new UserRateLimiter(100, nanos::get, new QuotaShare(2));
    TenantScope shop = scope("shop", 5);
    for (int i = 0; i < 3; i++) {
      assertThat(oneOfTwo.tryAcquire("alice", shop)).as("request %d", i).isEmpty();
    }

    assertThat(oneOfTwo.tryAcquire("alice", shop)).as("past 3 of 5 (rounded up)").isPresent();
    assertThat(oneOfTwo.quotaText(shop))
        .isEqualTo("requestsPerSecond=5, 3 in each of 2 API server replicas");
    assertThat(limiter.quotaText(shop)).isEqualTo("requestsPerSecond=5");
  }

  @Test
  void aShareNeverDropsBelowOneAndNeedsAReplica() {
    assertThat(new QuotaShare(8).of(3)).isEqualTo(1);
    assertThat(new QuotaShare(3).of(10)).isEqualTo(4);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QuotaShare(0))
        .hasMessageContaining("--quota-replicas must be at least 1");
  }

  private static TenantScope scope(String tenant, int rate) {
    TenantQuotas d = TenantQuotas.CRD_DEFAULTS;
    return new TenantScope(
        Optional.of(tenant),
        Optional.of(tenant + "_db"),
        Optional.empty(),
        new TenantQuotas(
            d.maxQueryTime(),
            d.maxRowsRead(),
            d.maxResultRows(),
            0,
            d.maxConcurrentQueries(),
            rate));
  }
}
