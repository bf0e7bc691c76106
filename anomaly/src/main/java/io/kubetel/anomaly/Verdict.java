package io.kubetel.anomaly;

/**
 * A detector's judgement of one point: how unusual it is, the range the detector expected and
 * whether it is an anomaly. Before a detector has learned enough, every point is normal and the
 * expected range is the observed value itself.
 *
 * @param score the detector's raw anomaly score (larger is more unusual; scale differs by detector)
 * @param grade how anomalous, 0 for a normal point, up to 1 for a certain anomaly
 * @param expectedLow the low end of the range the detector expected
 * @param expectedHigh the high end of the range the detector expected
 * @param anomalous whether the point is flagged (an alert would fire)
 */
public record Verdict(
    double score, double grade, double expectedLow, double expectedHigh, boolean anomalous) {

  /** A normal point while the detector is still learning. */
  public static Verdict learning(double value) {
    return new Verdict(0, 0, value, value, false);
  }
}
