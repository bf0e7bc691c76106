package io.kubetel.anomaly.eval;

import io.kubetel.anomaly.AnomalyDetector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One candidate run over a list of series, one fresh detector per series, points in time order: its
 * outcome per series and the CPU time it took (for points per second per core).
 *
 * @param candidate what ran
 * @param outcomes the outcome per series key, in input order
 * @param points how many points were judged
 * @param cpuNanos the CPU time of the judging thread
 */
public record DetectorRun(
    Candidate candidate, Map<String, SeriesOutcome> outcomes, long points, long cpuNanos) {

  /** Runs the candidate over the series. */
  public static DetectorRun of(Candidate candidate, List<NabSeries> series) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, SeriesOutcome> outcomes = new LinkedHashMap<>();
    long points = 0;
    long cpuNanos = 0;
    for (NabSeries s : series) {
      AnomalyDetector detector = candidate.factory().apply(s.probation()).create();
      boolean[] flags = new boolean[s.size()];
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < s.size(); i++) {
        flags[i] = detector.update(s.times()[i], s.values()[i]).anomalous();
      }
      cpuNanos += threads.getCurrentThreadCpuTime() - start;
      points += s.size();
      outcomes.put(s.key(), NabScorer.score(s, flags));
    }
    return new DetectorRun(candidate, outcomes, points, cpuNanos);
  }

  /** The outcome summed over every series. */
  public SeriesOutcome total() {
    return outcomes.values().stream().reduce(SeriesOutcome.ZERO, SeriesOutcome::plus);
  }

  /** The outcome summed over the series of one group. */
  public SeriesOutcome group(List<NabSeries> members) {
    SeriesOutcome sum = SeriesOutcome.ZERO;
    for (NabSeries s : members) {
      SeriesOutcome o = outcomes.get(s.key());
      if (o != null) {
        sum = sum.plus(o);
      }
    }
    return sum;
  }

  /** Points judged per second of one core's CPU time. */
  public double pointsPerCoreSecond() {
    return cpuNanos == 0 ? Double.NaN : points * 1e9 / cpuNanos;
  }
}
