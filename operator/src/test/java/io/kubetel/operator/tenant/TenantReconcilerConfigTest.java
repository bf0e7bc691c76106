package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Storage retry backoff doubles and is capped. */
class TenantReconcilerConfigTest {

  @Test
  void backoffDoublesUpToTheCap() {
    TenantReconcilerConfig c = TenantReconcilerConfig.defaults();
    assertThat(c.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.backoff(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(c.backoff(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
  }
}
