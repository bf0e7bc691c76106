package io.kubetel.anomaly.eval;

import java.util.Locale;

/**
 * The evaluation's last line, for the default detector on the evaluation split: {@code overall
 * <detector>: nab=<score> windows=<found>/<total> baseline_windows=<found>
 * fp_reduction=<percent>%}. The false-positive reduction is on totals over all series (alerts, i.e.
 * runs of flagged points outside every window), against the static baseline; when the baseline
 * raised none it is 0 % if the detector raised none too, else negative infinity.
 */
public final class SummaryLine {
  private SummaryLine() {}

  public static String format(String detector, SeriesOutcome outcome, SeriesOutcome baseline) {
    return String.format(
        Locale.ROOT,
        "overall %s: nab=%.1f windows=%d/%d baseline_windows=%d fp_reduction=%.1f%%",
        detector,
        outcome.normalized(),
        outcome.windowsFound(),
        outcome.windowsTotal(),
        baseline.windowsFound(),
        fpReduction(outcome, baseline));
  }

  /** 100 × (1 − detector's false-positive alerts / the baseline's). */
  public static double fpReduction(SeriesOutcome outcome, SeriesOutcome baseline) {
    if (baseline.fpAlerts() == 0) {
      return outcome.fpAlerts() == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    return 100.0 * (1.0 - (double) outcome.fpAlerts() / baseline.fpAlerts());
  }
}
