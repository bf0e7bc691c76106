package io.kubetel.apiserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The concurrent-queries quota of one replica: its share of the tenant's, then 429. */
class TenantConcurrencyTest {
  private static final TenantScope SHOP =
      new TenantScope(
          Optional.of("shop"),
          Optional.of("shop_db"),
          Optional.empty(),
          TenantQuotas.CRD_DEFAULTS); // maxConcurrentQueries=10

  @Test
  void oneOfTwoReplicasRunsHalfTheTenantsQueriesAtOnce() {
    TenantConcurrency concurrency = new TenantConcurrency(16, new QuotaShare(2));
    for (int i = 0; i < 5; i++) {
      concurrency.acquire(SHOP); // held
    }

    assertThatThrownBy(() -> concurrency.acquire(SHOP))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(429))
        .hasMessageContaining("maxConcurrentQueries=10, 5 in each of 2 API server replicas");
  }

  @Test
  void aReleasedPermitLetsTheNextQueryRun() {
    TenantConcurrency concurrency = new TenantConcurrency(16, QuotaShare.WHOLE);
    TenantConcurrency.Permit last = null;
    for (int i = 0; i < 10; i++) {
      last = concurrency.acquire(SHOP);
    }
    assertThatThrownBy(() -> concurrency.acquire(SHOP))
        .hasMessageContaining("maxConcurrentQueries=10)");

    last.close();

    assertThat(concurrency.acquire(SHOP)).isNotNull();
  }
}
