package io.kubetel.anomaly.threshold;

import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Verdict;
import java.nio.ByteBuffer;

/**
 * The static-threshold baseline, set the way an operator sets one: learn the mean and standard
 * deviation of the series' first {@code trainingPoints} points (NAB's probationary period), then
 * flag every point outside mean ± k·σ. Nothing is learned after the training points: that is what
 * makes it static, and why seasonal traffic and slow drifts defeat it.
 */
public final class StaticThresholdDetector implements AnomalyDetector {
  private static final byte VERSION = 1;

  private final double k;
  private final long trainingPoints;
  private long count;
  private double mean;
  private double m2;

  StaticThresholdDetector(double k, long trainingPoints) {
    this.k = k;
    this.trainingPoints = trainingPoints;
  }

  @Override
  public Verdict update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return Verdict.learning(value);
    }
    if (count < trainingPoints) {
      // Welford: numerically stable running mean and variance.
      count++;
      double delta = value - mean;
      mean += delta / count;
      m2 += delta * (value - mean);
      return Verdict.learning(value);
    }
    double sigma = count > 1 ? Math.sqrt(m2 / (count - 1)) : 0;
    double low = mean - k * sigma;
    double high = mean + k * sigma;
    double score = sigma > 0 ? Math.abs(value - mean) / sigma : (value == mean ? 0 : k + 1);
    boolean anomalous = value < low || value > high;
    // Outside the band the score exceeds k, so the grade is in (0, 1).
    double grade = anomalous ? 1 - k / score : 0;
    return new Verdict(score, grade, low, high, anomalous);
  }

  @Override
  public byte[] saveState() {
    return ByteBuffer.allocate(1 + 8 * 3)
        .put(VERSION)
        .putLong(count)
        .putDouble(mean)
        .putDouble(m2)
        .array();
  }

  void load(byte[] state) {
    if (state.length != 25 || state[0] != VERSION) {
      throw new IllegalArgumentException("not a static-threshold detector state");
    }
    ByteBuffer in = ByteBuffer.wrap(state, 1, 24);
    count = in.getLong();
    mean = in.getDouble();
    m2 = in.getDouble();
  }
}
