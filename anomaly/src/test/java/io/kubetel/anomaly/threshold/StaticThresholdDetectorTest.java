package io.kubetel.anomaly.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Synthetic;
import io.kubetel.anomaly.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The static-threshold baseline: mean ± k·σ of the training points, then nothing learned. */
class StaticThresholdDetectorTest {

  @Test
  void flagsPointsOutsideTheTrainingBandOnly() {
    AnomalyDetector detector = new StaticThresholdFactory(2, 4).create();
    // Training points 10, 12, 14, 16: mean 13, sample σ = 2.582 → band 7.84 .. 18.16.
    for (double v : new double[] {10, 12, 14, 16}) {
      assertThat(detector.update(0, v).anomalous()).isFalse();
    }
    Verdict inside = detector.update(0, 18);
    Verdict outside = detector.update(0, 19);
    assertThat(inside.anomalous()).isFalse();
    assertThat(inside.expectedLow()).isCloseTo(7.836, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(inside.expectedHigh()).isCloseTo(18.164, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(outside.anomalous()).isTrue();
    assertThat(outside.grade()).isBetween(0.0, 1.0).isPositive();
  }

  @Test
  void aLevelShiftAlertsForeverBecauseNothingIsLearnedAfterTraining() {
    int at = 1000;
    Synthetic series = Synthetic.noise(2000, 100, 5, 9).shift(at, 60);
    assertThat(series.flags(new StaticThresholdFactory(4, 300).create()))
        .hasSize(1000)
        .allMatch(i -> i >= at);
  }

  @Test
  void restoredStateGivesIdenticalVerdicts() {
    Synthetic series = Synthetic.noise(600, 100, 5, 10).spike(500, 40);
    StaticThresholdFactory factory = new StaticThresholdFactory(3, 100);
    AnomalyDetector original = factory.create();
    series.run(original, 0, 50);
    AnomalyDetector restored = factory.restore(original.saveState());
    List<Verdict> resumed = series.run(restored, 50, 600);
    // Identical, and not identically silent: the spike at 500 is flagged by both.
    assertThat(resumed).isEqualTo(series.run(original, 50, 600));
    assertThat(resumed.get(500 - 50).anomalous()).isTrue();
  }

  @Test
  void refusesAnotherDetectorsState() {
    assertThatThrownBy(() -> new StaticThresholdFactory(3, 100).restore(new byte[] {9, 9}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
