package io.kubetel.anomaly.rcf;

import com.amazon.randomcutforest.config.ForestMode;
import com.amazon.randomcutforest.config.Precision;
import com.amazon.randomcutforest.config.TransformMethod;
import com.amazon.randomcutforest.parkservices.AnomalyDescriptor;
import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import io.kubetel.anomaly.AnomalyDetector;
import io.kubetel.anomaly.Verdict;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Random Cut Forest through the library's {@code ThresholdedRandomCutForest}: the forest scores
 * each shingle of recent (normalised) points by how much it would change the trees, and the
 * thresholder turns scores into a grade. The forest names an expected value only for points it
 * flags; for the others the expected range is an exponentially weighted mean ± zFactor·σ of the
 * series, kept beside the forest.
 */
public final class RandomCutForestDetector implements AnomalyDetector {
  /** Weight of the newest point in the running mean and variance behind the expected range. */
  private static final double RANGE_DECAY = 0.02;

  private final RcfSettings settings;
  private ThresholdedRandomCutForest forest;
  private long points;
  private double mean;
  private double variance;

  RandomCutForestDetector(RcfSettings settings) {
    this.settings = settings;
    this.forest =
        ThresholdedRandomCutForest.builder()
            .dimensions(settings.shingleSize())
            .shingleSize(settings.shingleSize())
            .internalShinglingEnabled(true)
            .numberOfTrees(settings.trees())
            .sampleSize(settings.sampleSize())
            .precision(Precision.FLOAT_32)
            .forestMode(ForestMode.STANDARD)
            .transformMethod(TransformMethod.NORMALIZE)
            .anomalyRate(settings.anomalyRate())
            .outputAfter(settings.outputAfter())
            .parallelExecutionEnabled(false)
            .randomSeed(settings.seed())
            .build();
    forest.setZfactor(settings.zFactor());
    forest.setLowerThreshold(settings.scoreFloor());
  }

  @Override
  public Verdict update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      return Verdict.learning(value);
    }
    AnomalyDescriptor result = forest.process(new double[] {value}, timestampMillis / 1000);
    double sigma = Math.sqrt(variance);
    double center = mean;
    double[][] expectedValues = result.getExpectedValuesList();
    boolean anomalous = result.getAnomalyGrade() > 0;
    if (anomalous && expectedValues != null && expectedValues.length > 0) {
      center = expectedValues[0][0];
    }
    Verdict verdict =
        points < settings.outputAfter()
            ? Verdict.learning(value)
            : new Verdict(
                result.getRCFScore(),
                Math.min(1, result.getAnomalyGrade()),
                center - settings.zFactor() * sigma,
                center + settings.zFactor() * sigma,
                anomalous);
    learnRange(value);
    return verdict;
  }

  private void learnRange(double value) {
    points++;
    if (points == 1) {
      mean = value;
      return;
    }
    double delta = value - mean;
    mean += RANGE_DECAY * delta;
    variance = (1 - RANGE_DECAY) * (variance + RANGE_DECAY * delta * delta);
  }

  @Override
  public byte[] saveState() {
    byte[] forestState = RcfStateCodec.encode(forest);
    return ByteBuffer.allocate(8 * 3 + forestState.length)
        .putLong(points)
        .putDouble(mean)
        .putDouble(variance)
        .put(forestState)
        .array();
  }

  void load(byte[] state) {
    try {
      ByteBuffer in = ByteBuffer.wrap(state);
      points = in.getLong();
      mean = in.getDouble();
      variance = in.getDouble();
      byte[] forestState = new byte[in.remaining()];
      in.get(forestState);
      forest = RcfStateCodec.decode(forestState, settings.seed());
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("truncated Random Cut Forest state", e);
    }
  }
}
