package io.kubetel.anomaly.eval;

import java.util.List;

/**
 * The Numenta Anomaly Benchmark's window scoring, standard profile (true positive weight 1.0, false
 * positive 0.11, false negative 1.0). Inside a window only the first detection counts, worth more
 * the earlier it comes (a scaled sigmoid of its position); each flagged point outside every window
 * costs 0.11 × the sigmoid of its distance past the previous window (a full −0.11 before any window
 * or far after one); each window without a detection costs 1.0. Points in the probationary period
 * (first 15 %, at most 750) are not scored. Unlike NAB, which sweeps a threshold over anomaly
 * scores with hindsight, this scores the detectors' own flags.
 */
public final class NabScorer {
  static final double TP_WEIGHT = 1.0;
  static final double FP_WEIGHT = 0.11;
  static final double FN_WEIGHT = 1.0;

  private NabScorer() {}

  /** Scores one series' flags (one per point). */
  public static SeriesOutcome score(NabSeries series, boolean[] flags) {
    if (flags.length != series.size()) {
      throw new IllegalArgumentException("one flag per point expected for " + series.key());
    }
    List<NabSeries.Window> windows = series.windows();
    double[] firstDetection = new double[windows.size()];
    boolean[] found = new boolean[windows.size()];
    double raw = 0;
    int fpAlerts = 0;
    int fpPoints = 0;
    boolean inRun = false;
    int next = 0; // the first window not yet ended
    for (int i = series.probation(); i < flags.length; i++) {
      while (next < windows.size() && windows.get(next).last() < i) {
        next++;
      }
      boolean inside = next < windows.size() && windows.get(next).contains(i);
      if (inside) {
        inRun = false;
        if (flags[i] && !found[next]) {
          NabSeries.Window w = windows.get(next);
          found[next] = true;
          firstDetection[next] =
              TP_WEIGHT * scaledSigmoid(-(double) (w.last() - i + 1) / w.width());
        }
        continue;
      }
      if (!flags[i]) {
        inRun = false;
        continue;
      }
      fpPoints++;
      if (!inRun) {
        fpAlerts++;
        inRun = true;
      }
      raw += FP_WEIGHT * falsePositiveWeight(windows, next, i);
    }
    int windowsFound = 0;
    double perfect = 0;
    for (int w = 0; w < windows.size(); w++) {
      perfect += TP_WEIGHT * scaledSigmoid(-1.0);
      if (found[w]) {
        windowsFound++;
        raw += firstDetection[w];
      } else {
        raw -= FN_WEIGHT;
      }
    }
    return new SeriesOutcome(
        raw,
        -FN_WEIGHT * windows.size(),
        perfect,
        windowsFound,
        windows.size(),
        fpAlerts,
        fpPoints);
  }

  /** −1 before any window; past a window, the scaled sigmoid of the distance relative to it. */
  private static double falsePositiveWeight(List<NabSeries.Window> windows, int next, int i) {
    if (next == 0) {
      return -1.0;
    }
    NabSeries.Window previous = windows.get(next - 1);
    double position = Math.abs(previous.last() - i) / (double) Math.max(1, previous.width() - 1);
    return scaledSigmoid(position);
  }

  /** NAB's scaled sigmoid: +1 far before a window's end, 0 at it, towards −1 after it. */
  static double scaledSigmoid(double relativePosition) {
    if (relativePosition > 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * relativePosition)) - 1.0;
  }
}
