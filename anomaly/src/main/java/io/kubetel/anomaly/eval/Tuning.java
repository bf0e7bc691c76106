package io.kubetel.anomaly.eval;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

/**
 * Picks one parameter set per detector on the tuning split: the highest NAB score there, fewer
 * false-positive alerts breaking ties. Prints every candidate's tuning numbers, so the choice can
 * be checked. The evaluation split is never looked at here.
 */
final class Tuning {
  private Tuning() {}

  static DetectorRun best(List<Candidate> grid, List<NabSeries> tuning, PrintStream out) {
    DetectorRun best = null;
    Comparator<DetectorRun> better =
        Comparator.comparingDouble((DetectorRun r) -> nabOrZero(r.total()))
            .thenComparing(r -> -r.total().fpAlerts());
    for (Candidate candidate : grid) {
      DetectorRun run = DetectorRun.of(candidate, tuning);
      out.println(
          "tune "
              + candidate.detector()
              + " "
              + Report.numbers(run.total(), null)
              + " | "
              + candidate.params());
      if (best == null || better.compare(run, best) > 0) {
        best = run;
      }
    }
    return best;
  }

  static double nabOrZero(SeriesOutcome outcome) {
    double nab = outcome.normalized();
    return Double.isNaN(nab) ? 0 : nab;
  }
}
