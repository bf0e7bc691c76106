package io.kubetel.anomaly.eval;

/**
 * How one detector did on one series, or summed over many (see {@link #plus}).
 *
 * @param raw the NAB raw score (standard profile)
 * @param nullScore the raw score of a detector that flags nothing (every window missed)
 * @param perfect the raw score of a detector that flags each window's first point and nothing else
 * @param windowsFound windows with at least one flagged point inside
 * @param windowsTotal labelled windows
 * @param fpAlerts maximal runs of flagged points outside every window (what would page someone)
 * @param fpPoints flagged points outside every window
 */
public record SeriesOutcome(
    double raw,
    double nullScore,
    double perfect,
    int windowsFound,
    int windowsTotal,
    int fpAlerts,
    int fpPoints) {

  public static final SeriesOutcome ZERO = new SeriesOutcome(0, 0, 0, 0, 0, 0, 0);

  public SeriesOutcome plus(SeriesOutcome other) {
    return new SeriesOutcome(
        raw + other.raw,
        nullScore + other.nullScore,
        perfect + other.perfect,
        windowsFound + other.windowsFound,
        windowsTotal + other.windowsTotal,
        fpAlerts + other.fpAlerts,
        fpPoints + other.fpPoints);
  }

  /**
   * NAB's normalised score: 0 for the null detector, 100 for the perfect one; NaN when there is no
   * window to find (the null and perfect detectors then score the same).
   */
  public double normalized() {
    double span = perfect - nullScore;
    return span == 0 ? Double.NaN : 100 * (raw - nullScore) / span;
  }
}
