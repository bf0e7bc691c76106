package io.kubetel.anomaly.threshold;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.DetectorFactory;

/**
 * Static thresholds with one k for every series.
 *
 * @param k how many standard deviations from the training mean a point may be before it is flagged
 * @param trainingPoints how many leading points set the mean and deviation
 */
public record StaticThresholdFactory(double k, long trainingPoints) implements DetectorFactory {

  public StaticThresholdFactory {
    if (!(k > 0) || trainingPoints < 2) {
      throw new IllegalArgumentException("k must be > 0 and trainingPoints >= 2");
    }
  }

  @Override
  public String name() {
    return "static";
  }

  @Override
  public String describe() {
    return "k=" + k + " training=first 15% of the series";
  }

  @Override
  public AnomalyDetector create() {
    return new StaticThresholdDetector(k, trainingPoints);
  }

  @Override
  public AnomalyDetector restore(byte[] state) {
    StaticThresholdDetector detector = new StaticThresholdDetector(k, trainingPoints);
    detector.load(state);
    return detector;
  }
}
