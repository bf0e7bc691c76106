package io.kubetel.anomaly.rcf;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.DetectorFactory;

/** Random Cut Forest detectors with one set of {@link RcfSettings}. */
public record RandomCutForestFactory(RcfSettings settings) implements DetectorFactory {

  @Override
  public String name() {
    return "rcf";
  }

  @Override
  public String describe() {
    return "trees="
        + settings.trees()
        + " sample_size="
        + settings.sampleSize()
        + " shingle="
        + settings.shingleSize()
        + " z_factor="
        + settings.zFactor()
        + " score_floor="
        + settings.scoreFloor()
        + " anomaly_rate="
        + settings.anomalyRate()
        + " output_after="
        + settings.outputAfter();
  }

  @Override
  public AnomalyDetector create() {
    return new RandomCutForestDetector(settings);
  }

  @Override
  public AnomalyDetector restore(byte[] state) {
    RandomCutForestDetector detector = new RandomCutForestDetector(settings);
    detector.load(state);
    return detector;
  }
}
