package io.kubetel.anomaly.rcf;

/**
 * Parameters of the Random Cut Forest detector. Memory grows with {@code trees × sampleSize}: the
 * library's defaults (50 × 256) are about 1 MB a series; kubetel's defaults are sized so 1000
 * series fit in 512 MB (see docs/anomaly.md for the measured cost in memory and score).
 *
 * @param trees how many trees the forest has
 * @param sampleSize how many shingles each tree keeps
 * @param shingleSize how many consecutive points form one shingle (the forest's point)
 * @param zFactor the thresholder's sensitivity: how many deviations above the mean score flags
 * @param scoreFloor the forest score below which nothing is flagged, however the thresholder adapts
 *     (on pure noise the forest scores about 1.0–1.4; clear anomalies score above 2)
 * @param anomalyRate the expected fraction of anomalies the thresholder starts from
 * @param outputAfter points learned before anything is flagged
 * @param seed the random seed (fixed, so runs and restores are reproducible)
 */
public record RcfSettings(
    int trees,
    int sampleSize,
    int shingleSize,
    double zFactor,
    double scoreFloor,
    double anomalyRate,
    int outputAfter,
    long seed) {

  public RcfSettings {
    if (trees < 1
        || sampleSize < 16
        || shingleSize < 1
        || !(zFactor > 0)
        || !(scoreFloor >= 0)
        || !(anomalyRate > 0 && anomalyRate < 1)
        || outputAfter < 1) {
      throw new IllegalArgumentException("invalid Random Cut Forest settings");
    }
  }

  /** kubetel's defaults: a forest sized down to stay within 0.5 MB a series. */
  public static RcfSettings defaults() {
    return new RcfSettings(30, 128, 8, 3.0, 2.0, 0.005, 128, 42);
  }

  /** The library's default forest size (about 1 MB a series), for comparison. */
  public static RcfSettings libraryDefaultSize() {
    return new RcfSettings(50, 256, 8, 3.0, 2.0, 0.005, 128, 42);
  }

  /** The same settings with another score floor. */
  public RcfSettings withScoreFloor(double newScoreFloor) {
    return new RcfSettings(
        trees, sampleSize, shingleSize, zFactor, newScoreFloor, anomalyRate, outputAfter, seed);
  }

  /** The same settings with another forest size. */
  public RcfSettings withSize(int newTrees, int newSampleSize) {
    return new RcfSettings(
        newTrees, newSampleSize, shingleSize, zFactor, scoreFloor, anomalyRate, outputAfter, seed);
  }
}
