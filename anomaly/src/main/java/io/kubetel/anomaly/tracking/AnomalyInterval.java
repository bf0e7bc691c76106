package io.kubetel.anomaly.tracking;

/**
 * One anomaly of one series: a run of consecutive anomalous points, what the detector expected and
 * what it saw. While the run lasts it is open ({@code resolved == false}) and {@code end} is its
 * latest anomalous point.
 *
 * @param series the series key (caller-defined, e.g. metric name and labels)
 * @param startMillis the first anomalous point's time
 * @param endMillis the latest anomalous point's time
 * @param grade the highest grade in the run (0..1)
 * @param expectedLow the expected range's low end at the most anomalous point
 * @param expectedHigh the expected range's high end at the most anomalous point
 * @param observed the value at the most anomalous point
 * @param resolved whether a normal point has ended the run
 */
public record AnomalyInterval(
    String series,
    long startMillis,
    long endMillis,
    double grade,
    double expectedLow,
    double expectedHigh,
    double observed,
    boolean resolved) {}
