package io.kubetel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.write.TelemetryBatch;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Error bursts: scheduled from the anchor (also before it), and far more failing spans in them. */
class ErrorBurstTest {
  static final Instant ANCHOR = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void burstsRepeatFromTheAnchorInBothDirections() {
    SampleTelemetryGenerator g =
        new SampleTelemetryGenerator(1, ANCHOR.minusSeconds(3600), Duration.ofSeconds(15), 2)
            .withErrorBursts(ANCHOR, Duration.ofMinutes(15), Duration.ofMinutes(4));
    assertThat(g.inErrorBurst(ANCHOR)).isTrue();
    assertThat(g.inErrorBurst(ANCHOR.plusSeconds(239))).isTrue();
    assertThat(g.inErrorBurst(ANCHOR.plusSeconds(240))).isFalse();
    assertThat(g.inErrorBurst(ANCHOR.plusSeconds(900))).isTrue();
    assertThat(g.inErrorBurst(ANCHOR.minusSeconds(900))).isTrue();
    assertThat(g.inErrorBurst(ANCHOR.minusSeconds(1))).isFalse();
  }

  @Test
  void aBurstMultipliesTheFailingSpans() {
    Instant quiet = ANCHOR.plusSeconds(300);
    long inBurst = errorSpans(ANCHOR, true);
    long outside = errorSpans(quiet, true);
    long without = errorSpans(ANCHOR, false);
    assertThat(inBurst).isGreaterThan(5 * Math.max(1, outside));
    assertThat(inBurst).isGreaterThan(5 * Math.max(1, without));
  }

  private static long errorSpans(Instant from, boolean bursts) {
    SampleTelemetryGenerator g =
        new SampleTelemetryGenerator(7, from.minusSeconds(600), Duration.ofSeconds(15), 2);
    if (bursts) {
      g.withErrorBursts(ANCHOR, Duration.ofMinutes(15), Duration.ofMinutes(4));
    }
    TelemetryBatch b = g.generate(from, from.plusSeconds(120));
    return b.spans.stream()
        .filter(s -> "Error".equals(s.statusCode()) && "checkout".equals(s.service()))
        .count();
  }
}
