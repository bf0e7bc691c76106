package io.kubetel.anomaly.seasonal;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.DetectorFactory;

/** Robust seasonal baselines with one set of {@link SeasonalSettings}. */
public record SeasonalBaselineFactory(SeasonalSettings settings) implements DetectorFactory {

  @Override
  public String name() {
    return "seasonal";
  }

  @Override
  public String describe() {
    return "season="
        + (settings.seasonMillis() == 0 ? "none" : settings.seasonMillis() / 60_000 + "m")
        + " buckets="
        + settings.bucketsPerSeason()
        + " level_window="
        + settings.levelWindow()
        + " seasonal_level_window="
        + settings.seasonalLevelWindow()
        + " residual_window="
        + settings.residualWindow()
        + " sensitivity="
        + settings.sensitivity()
        + " shift_confirm="
        + settings.shiftConfirm()
        + " warmup="
        + settings.warmupPoints();
  }

  @Override
  public AnomalyDetector create() {
    return new SeasonalBaselineDetector(settings);
  }

  @Override
  public AnomalyDetector restore(byte[] state) {
    SeasonalBaselineDetector detector = new SeasonalBaselineDetector(settings);
    detector.load(state);
    return detector;
  }
}
