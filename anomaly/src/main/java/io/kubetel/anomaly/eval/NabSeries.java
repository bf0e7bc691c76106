package io.kubetel.anomaly.eval;

import java.util.List;

/**
 * One labelled series of a NAB-format corpus: its key ({@code <group>/<file>.csv}), its points and
 * its anomaly windows as inclusive index ranges, in time order.
 *
 * @param key the labels file's key, {@code <group>/<file>.csv}
 * @param group the folder the file is in
 * @param times the points' times, epoch milliseconds
 * @param values the points' values
 * @param windows the labelled anomaly windows
 */
public record NabSeries(
    String key, String group, long[] times, double[] values, List<Window> windows) {

  /** The first and last index (inclusive) of one labelled anomaly window. */
  public record Window(int first, int last) {
    public int width() {
      return last - first + 1;
    }

    public boolean contains(int index) {
      return index >= first && index <= last;
    }
  }

  public int size() {
    return values.length;
  }

  /**
   * NAB's probationary period: the first 15 % of the series, at most 750 points. Nothing flagged in
   * it is scored, and it is what the static baseline learns its band from.
   */
  public int probation() {
    return (int) Math.min(Math.floor(0.15 * size()), 0.15 * 5000);
  }
}
