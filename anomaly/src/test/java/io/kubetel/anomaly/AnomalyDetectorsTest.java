package io.kubetel.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.anomaly.rcf.RandomCutForestFactory;
import io.kubetel.anomaly.seasonal.SeasonalBaselineFactory;
import org.junit.jupiter.api.Test;

/** Which detector an alert gets for its sensitivity and season. */
class AnomalyDetectorsTest {

  @Test
  void withoutASeasonTheForestWithTheTunedFloorForMedium() {
    DetectorFactory factory = AnomalyDetectors.forAlert(Sensitivity.MEDIUM, 0);
    assertThat(factory).isInstanceOf(RandomCutForestFactory.class);
    assertThat(((RandomCutForestFactory) factory).settings().scoreFloor()).isEqualTo(2.0);
    assertThat(((RandomCutForestFactory) factory).settings().trees()).isEqualTo(30);
  }

  @Test
  void higherSensitivityFlagsMoreOfTheSameSeries() {
    Synthetic series = Synthetic.noise(3000, 100, 5, 31).spike(2000, 25).spike(2500, 60);
    int low = series.flags(AnomalyDetectors.forAlert(Sensitivity.LOW, 0).create()).size();
    int high = series.flags(AnomalyDetectors.forAlert(Sensitivity.HIGH, 0).create()).size();
    assertThat(high).isGreaterThanOrEqualTo(low);
    assertThat(high).isPositive();
  }

  @Test
  void withASeasonTheSeasonalBaselineOverThatSeason() {
    DetectorFactory factory = AnomalyDetectors.forAlert(Sensitivity.HIGH, 604_800_000L);
    assertThat(factory).isInstanceOf(SeasonalBaselineFactory.class);
    SeasonalBaselineFactory seasonal = (SeasonalBaselineFactory) factory;
    assertThat(seasonal.settings().seasonMillis()).isEqualTo(604_800_000L);
    assertThat(seasonal.settings().sensitivity()).isEqualTo(6.0);
  }

  @Test
  void refusesANegativeSeason() {
    assertThatThrownBy(() -> AnomalyDetectors.forAlert(Sensitivity.LOW, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
