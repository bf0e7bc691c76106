package io.kubetel.operator.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the coming retry reads in status messages and Events. */
class NextRetryTest {

  @Test
  void describesTheDelayAndTheAttempt() {
    assertThat(new NextRetry(1, Optional.of(Duration.ofMillis(500))).describe())
        .isEqualTo("retrying in 500ms (attempt 1)");
    assertThat(new NextRetry(2, Optional.of(Duration.ofSeconds(10))).describe())
        .isEqualTo("retrying in 10s (attempt 2)");
    assertThat(new NextRetry(8, Optional.of(Duration.ofMinutes(5))).describe())
        .isEqualTo("retrying in 5m (attempt 8)");
    assertThat(new NextRetry(3, Optional.empty()).describe()).isEqualTo("not retrying (attempt 3)");
  }
}
