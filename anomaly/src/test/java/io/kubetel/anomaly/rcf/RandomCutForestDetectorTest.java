package io.kubetel.anomaly.rcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Synthetic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Random Cut Forest on synthetic series with known anomalies. */
class RandomCutForestDetectorTest {
  private final RandomCutForestFactory factory = new RandomCutForestFactory(RcfSettings.defaults());

  @Test
  void noiseWithoutAnomaliesRaisesNoAlert() {
    Synthetic series = Synthetic.noise(3000, 100, 5, 11);
    assertThat(series.flags(factory.create())).isEmpty();
  }

  @Test
  void flagsASpikeWithinAShingle() {
    int at = 2000;
    Synthetic series = Synthetic.noise(3000, 100, 5, 12).spike(at, 80);
    List<Integer> flags = series.flags(factory.create());
    assertThat(flags)
        .isNotEmpty()
        .allMatch(i -> i >= at && i < at + RcfSettings.defaults().shingleSize());
  }

  @Test
  void flagsALevelShiftNearItsStart() {
    int at = 2000;
    Synthetic series = Synthetic.noise(3000, 100, 5, 13).shift(at, 60);
    List<Integer> flags = series.flags(factory.create());
    assertThat(flags).isNotEmpty();
    assertThat(flags.get(0)).isBetween(at, at + RcfSettings.defaults().shingleSize());
  }

  @Test
  void restoredStateGivesIdenticalVerdictsAndFitsTheBudget() {
    Synthetic series = Synthetic.noise(3000, 100, 5, 14).spike(2500, 80);
    AnomalyDetector original = factory.create();
    series.run(original, 0, 2000);
    byte[] state = original.saveState();
    AnomalyDetector restored = factory.restore(state);
    assertThat(series.run(restored, 2000, 3000)).isEqualTo(series.run(original, 2000, 3000));
    assertThat(state).hasSizeLessThan(512 * 1024);
  }

  @Test
  void refusesBytesThatAreNotAForestState() {
    assertThatThrownBy(() -> factory.restore(new byte[40]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
