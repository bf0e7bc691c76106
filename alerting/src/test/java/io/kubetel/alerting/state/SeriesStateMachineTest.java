package io.kubetel.alerting.state;

import static io.kubetel.model.alerts.AlertSeriesState.Firing;
import static io.kubetel.model.alerts.AlertSeriesState.Inactive;
import static io.kubetel.model.alerts.AlertSeriesState.Pending;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-series lifecycle: for, keepFiringFor, and flapping. */
class SeriesStateMachineTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Duration FOR = Duration.ofMinutes(2);
  static final Duration KEEP = Duration.ofMinutes(1);

  SeriesState step(SeriesState s, boolean holds, int atSeconds) {
    return SeriesStateMachine.step(s, holds, holds ? 7 : 1, T0.plusSeconds(atSeconds), FOR, KEEP);
  }

  @Test
  void pendingUntilForElapsesThenFiringThenResolvedAfterKeepFiringFor() {
    SeriesState s = SeriesState.inactive(Map.of("route", "/pay"));
    s = step(s, true, 0);
    assertThat(s.state()).isEqualTo(Pending);
    assertThat(step(s, true, 60).state()).isEqualTo(Pending);
    s = step(step(s, true, 60), true, 120);
    assertThat(s.state()).isEqualTo(Firing);
    assertThat(s.firingSince()).isEqualTo(T0.plusSeconds(120));
    assertThat(s.activeSince()).isEqualTo(T0);
    // Stops holding: still firing within keepFiringFor, resolved when it has elapsed.
    s = step(s, false, 150);
    assertThat(s.state()).isEqualTo(Firing);
    assertThat(s.value()).isEqualTo(1);
    s = step(s, false, 179);
    assertThat(s.state()).isEqualTo(Firing);
    s = step(s, false, 180);
    assertThat(s.state()).isEqualTo(Inactive);
    assertThat(s.labels()).containsEntry("route", "/pay");
  }

  @Test
  void holdingAgainWithinKeepFiringForKeepsTheOriginalFiringTime() {
    SeriesState s =
        SeriesStateMachine.step(SeriesState.inactive(Map.of()), true, 9, T0, Duration.ZERO, KEEP);
    assertThat(s.state()).isEqualTo(Firing);
    s = step(s, false, 30);
    s = step(s, true, 50);
    s = step(s, false, 100);
    assertThat(s.state()).isEqualTo(Firing);
    assertThat(s.firingSince()).isEqualTo(T0);
    assertThat(step(s, false, 110).state()).isEqualTo(Inactive);
  }

  @Test
  void aPendingSeriesThatStopsHoldingGoesBackToInactiveAndStartsOver() {
    SeriesState s = step(SeriesState.inactive(Map.of()), true, 0);
    s = step(s, false, 60);
    assertThat(s.state()).isEqualTo(Inactive);
    s = step(s, true, 90);
    assertThat(s.activeSince()).isEqualTo(T0.plusSeconds(90));
    assertThat(step(s, true, 200).state()).isEqualTo(Pending);
    assertThat(step(s, true, 210).state()).isEqualTo(Firing);
  }

  @Test
  void fingerprintsAreStableAndOrderFree() {
    assertThat(Fingerprints.of(Map.of())).isEmpty();
    String a = Fingerprints.of(Map.of("service", "checkout", "http.route", "/pay"));
    assertThat(a)
        .hasSize(16)
        .isEqualTo(
            Fingerprints.of(
                new java.util.TreeMap<>(Map.of("http.route", "/pay", "service", "checkout"))));
    assertThat(a).isNotEqualTo(Fingerprints.of(Map.of("service", "checkout")));
    // Keys and values cannot be shifted into each other.
    assertThat(Fingerprints.of(Map.of("ab", "c"))).isNotEqualTo(Fingerprints.of(Map.of("a", "bc")));
  }
}
