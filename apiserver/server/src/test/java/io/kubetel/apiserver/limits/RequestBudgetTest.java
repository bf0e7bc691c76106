package io.kubetel.apiserver.limits;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The budget's three stops: rows, deadline, client gone. */
class RequestBudgetTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void rowsBeyondTheBudgetAreABadRequest() {
    RequestBudget budget = new RequestBudget(new MutableClock(NOW), NOW.plusSeconds(60), 100);
    budget.charge(60);
    budget.charge(40);

    assertThatThrownBy(() -> budget.charge(1))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("more than 100 rows");
  }

  @Test
  void theDeadlineStopsWorkAtTheNextCheckpoint() {
    MutableClock clock = new MutableClock(NOW);
    RequestBudget budget = new RequestBudget(clock, NOW.plusSeconds(60), 100);
    assertThatCode(budget::checkpoint).doesNotThrowAnyException();

    clock.advance(Duration.ofSeconds(61));

    assertThatThrownBy(budget::checkpoint)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo("Timeout"));
  }

  @Test
  void aClientThatLeftStopsWorkAtTheNextCheckpoint() {
    RequestBudget budget = new RequestBudget(new MutableClock(NOW), NOW.plusSeconds(60), 100);
    budget.clientGone();

    assertThatThrownBy(budget::checkpoint).hasMessageContaining("closed the connection");
  }

  @Test
  void watchSlotsAreCountedPerUserAndInTotal() {
    WatchLimiter limiter = new WatchLimiter(2, 3);
    limiter.take("alice");
    limiter.take("alice");
    assertThatThrownBy(() -> limiter.take("alice")).hasMessageContaining("for user \"alice\"");
    limiter.take("bob");
    assertThatThrownBy(() -> limiter.take("carol")).hasMessageContaining("--max-watches=3");

    limiter.release("alice");
    assertThatCode(() -> limiter.take("carol")).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(limiter.open()).isEqualTo(3);
  }
}
