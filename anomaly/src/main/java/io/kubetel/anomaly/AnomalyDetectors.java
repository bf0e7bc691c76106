package io.kubetel.anomaly;

import io.kubetel.anomaly.rcf.RandomCutForestFactory;
import io.kubetel.anomaly.rcf.RcfSettings;
import io.kubetel.anomaly.seasonal.SeasonalBaselineFactory;
import io.kubetel.anomaly.seasonal.SeasonalSettings;

/**
 * The detector an alert or the anomaly writer uses for a sensitivity and an optional season:
 * without a season the Random Cut Forest (the default, see docs/anomaly.md), with one the robust
 * seasonal baseline learning a profile over that season. Parameters per sensitivity come from the
 * NAB tuning grid: the forest's score floor 2.5 / 2.0 / 1.75, the baseline's sensitivity 10 / 8 / 6
 * robust deviations (Low / Medium / High).
 */
public final class AnomalyDetectors {
  private AnomalyDetectors() {}

  /**
   * The factory for one alert's series.
   *
   * @param sensitivity how readily values are called anomalous
   * @param seasonMillis the season's length, or 0 for none
   */
  public static DetectorFactory forAlert(Sensitivity sensitivity, long seasonMillis) {
    if (seasonMillis < 0) {
      throw new IllegalArgumentException("season must not be negative");
    }
    if (seasonMillis > 0) {
      double robustDeviations =
          switch (sensitivity) {
            case LOW -> 10;
            case MEDIUM -> 8;
            case HIGH -> 6;
          };
      return new SeasonalBaselineFactory(
          SeasonalSettings.defaults().withSeason(seasonMillis).withSensitivity(robustDeviations));
    }
    double scoreFloor =
        switch (sensitivity) {
          case LOW -> 2.5;
          case MEDIUM -> 2.0;
          case HIGH -> 1.75;
        };
    return new RandomCutForestFactory(RcfSettings.defaults().withScoreFloor(scoreFloor));
  }
}
