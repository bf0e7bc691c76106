package io.kubetel.model.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A read scope: bound to its thread while it runs, its time left, and cancellation hooks. */
class ReadScopeTest {
  private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void theScopeIsTheThreadsOnlyWhileItsWorkRunsAndNestingRestoresTheOuterOne() throws Exception {
    ReadScope outer = new ReadScope(CLOCK, NOW.plusSeconds(10));
    ReadScope inner = new ReadScope(CLOCK, NOW.plusSeconds(5));

    ReadScope seenInside =
        outer.call(
            () -> {
              assertThat(inner.call(ReadScope::current)).isSameAs(inner);
              return ReadScope.current();
            });

    assertThat(seenInside).isSameAs(outer);
    assertThat(ReadScope.current()).isSameAs(ReadScope.NONE);
  }

  @Test
  void theTimeLeftComesFromTheDeadline() {
    assertThat(new ReadScope(CLOCK, NOW.plusSeconds(3)).remaining())
        .contains(Duration.ofSeconds(3));
    assertThat(new ReadScope(CLOCK, NOW.plusSeconds(3)).isOver()).isFalse();
    assertThat(new ReadScope(CLOCK, NOW).isOver()).isTrue();
    assertThat(ReadScope.NONE.remaining()).isEmpty();
  }

  @Test
  void cancellingRunsTheHooksOfRunningReadsOnceAndNotThoseThatEnded() {
    ReadScope scope = new ReadScope(CLOCK, Instant.MAX);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    ReadScope.Registration endedRead = scope.onCancel(ended::incrementAndGet);
    scope.onCancel(running::incrementAndGet);
    scope.onCancel(
        () -> {
          throw new IllegalStateException("a failing hook does not stop the others");
        });
    endedRead.close();

    scope.cancel();
    scope.cancel();

    assertThat(running).hasValue(1);
    assertThat(ended).hasValue(0);
    assertThat(scope.isOver()).isTrue();
  }

  @Test
  void aHookRegisteredAfterCancellationRunsAtOnce() {
    ReadScope scope = new ReadScope(CLOCK, Instant.MAX);
    scope.cancel();
    AtomicInteger stops = new AtomicInteger();

    scope.onCancel(stops::incrementAndGet);

    assertThat(stops).hasValue(1);
  }

  @Test
  void theSharedScopeOfReadsOutsideRequestsCannotBeCancelled() {
    AtomicInteger stops = new AtomicInteger();
    ReadScope.NONE.onCancel(stops::incrementAndGet);

    ReadScope.NONE.cancel();

    assertThat(ReadScope.NONE.isOver()).isFalse();
    assertThat(stops).hasValue(0);
  }
}
