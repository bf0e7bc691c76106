package io.kubetel.anomaly.seasonal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Synthetic;
import io.kubetel.anomaly.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The robust seasonal baseline on synthetic series with known anomalies. */
class SeasonalBaselineDetectorTest {
  private static final int DAYS = 8;
  private final SeasonalBaselineFactory factory =
      new SeasonalBaselineFactory(SeasonalSettings.defaults());

  @Test
  void noiseWithoutAnomaliesRaisesNoAlert() {
    Synthetic series = Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 100, 5, 1);
    assertThat(series.flags(factory.create())).isEmpty();
  }

  @Test
  void seasonalTrafficWithoutAnomaliesRaisesNoAlert() {
    Synthetic series = Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 500, 10, 2).daily(200);
    assertThat(series.flags(factory.create())).isEmpty();
  }

  @Test
  void flagsASpikeAndOnlyTheSpike() {
    int at = 5 * Synthetic.POINTS_PER_DAY + 17;
    Synthetic series = Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 100, 5, 3).spike(at, 80);
    assertThat(series.flags(factory.create())).containsExactly(at);
  }

  @Test
  void flagsALevelShiftAtItsStartThenAcceptsTheNewLevel() {
    int at = 5 * Synthetic.POINTS_PER_DAY;
    Synthetic series = Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 100, 5, 4).shift(at, 60);
    List<Integer> flags = series.flags(factory.create());
    assertThat(flags).first().isEqualTo(at);
    // Flagged while the shift is confirmed, quiet once the new level is learned.
    assertThat(flags)
        .allMatch(i -> i >= at && i < at + 2 * SeasonalSettings.defaults().shiftConfirm());
  }

  @Test
  void flagsASeasonalBreakThatStaysWithinTheSeriesRange() {
    // The daily peak fails to come on day 6: every value is still within the usual min..max.
    int at = 6 * Synthetic.POINTS_PER_DAY + Synthetic.POINTS_PER_DAY / 8;
    Synthetic series =
        Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 500, 10, 5)
            .daily(200)
            .breakSeason(at, Synthetic.POINTS_PER_DAY / 4, 200);
    List<Integer> flags = series.flags(factory.create());
    assertThat(flags).isNotEmpty();
    assertThat(flags.get(0)).isBetween(at, at + 3);
    // The missing peak is accepted like a level shift after shiftConfirm points, and the season's
    // return is flagged until the level settles again (within three hours).
    int end = at + Synthetic.POINTS_PER_DAY / 4;
    assertThat(flags).allMatch(i -> i >= at && i < end + Synthetic.POINTS_PER_DAY / 8);
    assertThat(flags).filteredOn(i -> i < end).hasSize(SeasonalSettings.defaults().shiftConfirm());
  }

  @Test
  void expectedRangeFollowsTheSeason() {
    Synthetic series = Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 500, 10, 6).daily(200);
    AnomalyDetector detector = factory.create();
    List<Verdict> verdicts = series.run(detector, 0, series.size());
    Verdict peak = verdicts.get(7 * Synthetic.POINTS_PER_DAY + Synthetic.POINTS_PER_DAY / 4);
    Verdict trough = verdicts.get(7 * Synthetic.POINTS_PER_DAY + 3 * Synthetic.POINTS_PER_DAY / 4);
    assertThat((peak.expectedLow() + peak.expectedHigh()) / 2).isBetween(650.0, 750.0);
    assertThat((trough.expectedLow() + trough.expectedHigh()) / 2).isBetween(250.0, 350.0);
  }

  @Test
  void restoredStateGivesIdenticalVerdicts() {
    int at = 6 * Synthetic.POINTS_PER_DAY;
    Synthetic series =
        Synthetic.noise(DAYS * Synthetic.POINTS_PER_DAY, 500, 10, 7).daily(200).spike(at + 5, 150);
    AnomalyDetector original = factory.create();
    series.run(original, 0, at);
    AnomalyDetector restored = factory.restore(original.saveState());
    assertThat(series.run(restored, at, series.size()))
        .isEqualTo(series.run(original, at, series.size()));
    assertThat(original.saveState().length).isLessThan(32 * 1024);
  }
}
