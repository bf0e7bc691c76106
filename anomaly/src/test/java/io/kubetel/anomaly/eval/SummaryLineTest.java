package io.kubetel.anomaly.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recomputes the evaluation's summary on a fixture corpus (two 100-point series, one window each:
 * indexes 40–49 in groupA/a.csv, 60–69 in groupB/b.csv; probationary period 15 points) with flags
 * set by hand, against numbers worked out from NAB's formulas.
 */
class SummaryLineTest {
  private static final Path FIXTURE = Path.of("src/test/resources/nab-fixture");

  private static List<NabSeries> corpus() throws Exception {
    return NabCorpus.load(FIXTURE, FIXTURE.resolve("labels.json"));
  }

  private static boolean[] flags(int n, int... indexes) {
    boolean[] flags = new boolean[n];
    for (int i : indexes) {
      flags[i] = true;
    }
    return flags;
  }

  @Test
  void readsTheFixtureWindowsAsIndexRanges() throws Exception {
    List<NabSeries> series = corpus();
    assertThat(series).extracting(NabSeries::key).containsExactly("groupA/a.csv", "groupB/b.csv");
    assertThat(series.get(0).windows()).containsExactly(new NabSeries.Window(40, 49));
    assertThat(series.get(1).windows()).containsExactly(new NabSeries.Window(60, 69));
    assertThat(series.get(0).probation()).isEqualTo(15);
  }

  @Test
  void summaryOfKnownFlags() throws Exception {
    List<NabSeries> series = corpus();
    NabSeries a = series.get(0);
    NabSeries b = series.get(1);
    // Detector: 5 is in the probationary period (not scored); 42 finds a's window; 70-71 and 90
    // are two false-positive alerts (three points); b's window is missed.
    SeriesOutcome detector =
        NabScorer.score(a, flags(100, 5, 42, 70, 71, 90)).plus(NabScorer.score(b, flags(100)));
    // Baseline: 20 (before any window), 30-32 and 80 are three alerts (five points); both windows
    // are found half-way (45 and 65).
    SeriesOutcome baseline =
        NabScorer.score(a, flags(100, 20, 30, 31, 32, 45, 80))
            .plus(NabScorer.score(b, flags(100, 65)));

    assertThat(detector.fpAlerts()).isEqualTo(2);
    assertThat(detector.fpPoints()).isEqualTo(3);
    assertThat(baseline.fpAlerts()).isEqualTo(3);
    assertThat(baseline.fpPoints()).isEqualTo(5);
    // raw = σ(-0.8) + 0.11·(σ(21/9) + σ(22/9) + σ(41/9)) − 1 = 0.96403 − 0.33 − 1 = −0.36597,
    // null = −2, perfect = 2·σ(−1) = 1.97323 → 100·1.63403/3.97323 = 41.1 (σ: NAB's scaled
    // sigmoid).
    assertThat(detector.raw()).isCloseTo(-0.36597, org.assertj.core.data.Offset.offset(1e-5));
    // baseline raw = 2·σ(−0.5) − 5·0.11 = 1.14657 → 79.2
    assertThat(baseline.normalized()).isCloseTo(79.194, org.assertj.core.data.Offset.offset(1e-3));
    // fp_reduction = 1 − 2/3 = 33.3 %
    assertThat(SummaryLine.format("rcf", detector, baseline))
        .isEqualTo("overall rcf: nab=41.1 windows=1/2 baseline_windows=2 fp_reduction=33.3%");
  }

  @Test
  void aRunOfFlagsIsOneAlertAndAWindowBreaksARun() throws Exception {
    NabSeries a = corpus().get(0);
    // 36..53 spans the window 40..49: the points before and after it are two separate alerts.
    int[] run = java.util.stream.IntStream.rangeClosed(36, 53).toArray();
    SeriesOutcome outcome = NabScorer.score(a, flags(100, run));
    assertThat(outcome.fpAlerts()).isEqualTo(2);
    assertThat(outcome.fpPoints()).isEqualTo(8);
    assertThat(outcome.windowsFound()).isEqualTo(1);
  }

  @Test
  void noBaselineAlertsAndNoneRaisedIsNoReduction() {
    SeriesOutcome none = new SeriesOutcome(0, -1, 1, 0, 1, 0, 0);
    assertThat(SummaryLine.fpReduction(none, none)).isZero();
  }
}
