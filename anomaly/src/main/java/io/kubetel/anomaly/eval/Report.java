package io.kubetel.anomaly.eval;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation's report lines: one detector's numbers per group and overall. */
final class Report {
  private Report() {}

  /**
   * {@code nab=… windows=f/t fp_alerts=n fp_points=n [fp_reduction=p%]} (the reduction only with a
   * baseline). Points as well as alerts: one long alert and many short ones cost differently.
   */
  static String numbers(SeriesOutcome outcome, SeriesOutcome baseline) {
    double nab = outcome.normalized();
    String text =
        String.format(
            Locale.ROOT,
            "nab=%s windows=%d/%d fp_alerts=%d fp_points=%d",
            Double.isNaN(nab) ? "n/a" : String.format(Locale.ROOT, "%.1f", nab),
            outcome.windowsFound(),
            outcome.windowsTotal(),
            outcome.fpAlerts(),
            outcome.fpPoints());
    if (baseline != null) {
      text +=
          String.format(
              Locale.ROOT, " fp_reduction=%.1f%%", SummaryLine.fpReduction(outcome, baseline));
    }
    return text;
  }

  /** One line per group and an overall line for a detector's evaluation run. */
  static void byGroup(
      String label,
      DetectorRun run,
      DetectorRun baseline,
      Map<String, List<NabSeries>> groups,
      PrintStream out) {
    for (Map.Entry<String, List<NabSeries>> group : groups.entrySet()) {
      out.println(
          "eval "
              + label
              + " group="
              + group.getKey()
              + " "
              + numbers(run.group(group.getValue()), baseline.group(group.getValue())));
    }
    out.println("eval " + label + " all " + numbers(run.total(), baseline.total()));
  }
}
