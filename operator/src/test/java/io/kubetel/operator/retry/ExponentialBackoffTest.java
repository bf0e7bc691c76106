package io.kubetel.operator.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry policy JOSDK applies: doubling from the first delay, capped, never giving up. */
class ExponentialBackoffTest {

  @Test
  void backoffDoublesUpToTheCap() {
    ExponentialBackoff c = new ExponentialBackoff();
    assertThat(c.delay(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(c.delay(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.delay(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(c.delay(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.delay(1000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void josdksExecutionGetsTheSameDelaysAndCountsAttempts() {
    RetryExecution e =
        new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(2)).initExecution();
    assertThat(e.getAttemptCount()).isZero();
    assertThat(e.nextDelay()).contains(500L);
    assertThat(e.nextDelay()).contains(1000L);
    assertThat(e.nextDelay()).contains(2000L);
    assertThat(e.nextDelay()).contains(2000L);
    assertThat(e.getAttemptCount()).isEqualTo(4);
    assertThat(e.isLastAttempt()).isFalse();
  }
}
