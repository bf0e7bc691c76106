package io.kubetel.anomaly.eval;

import io.kubetel.anomaly.rcf.RandomCutForestFactory;
import io.kubetel.anomaly.rcf.RcfSettings;
import io.kubetel.anomaly.seasonal.SeasonalBaselineFactory;
import io.kubetel.anomaly.seasonal.SeasonalSettings;
import io.kubetel.anomaly.threshold.StaticThresholdFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter grids tried on the tuning split: one sensitivity knob (and, for the seasonal
 * baseline, season on or off) per detector, the same for every series. Small on purpose: a grid
 * this size cannot fit individual files.
 */
public final class Candidates {
  private Candidates() {}

  /** Static thresholds: one k for all series. */
  public static List<Candidate> staticThresholds() {
    List<Candidate> out = new ArrayList<>();
    for (double k : new double[] {2, 2.5, 3, 3.5, 4, 5, 6, 8, 10}) {
      out.add(
          new Candidate(
              "static",
              "k=" + k + " training=probationary period",
              probation -> new StaticThresholdFactory(k, Math.max(2, probation))));
    }
    return out;
  }

  /** The seasonal baseline: sensitivity × daily season or none. */
  public static List<Candidate> seasonal() {
    List<Candidate> out = new ArrayList<>();
    for (long season : new long[] {SeasonalSettings.DAY_MILLIS, 0}) {
      for (double sensitivity : new double[] {4, 5, 6, 8, 10, 14}) {
        SeasonalBaselineFactory factory =
            new SeasonalBaselineFactory(
                SeasonalSettings.defaults().withSeason(season).withSensitivity(sensitivity));
        out.add(new Candidate("seasonal", factory.describe(), probation -> factory));
      }
    }
    return out;
  }

  /**
   * Random Cut Forest (kubetel's size): the score floor. (The thresholder's z-factor, 3 or 4, made
   * no difference on the tuning split once a floor is set, so it stays at the library's 3.)
   */
  public static List<Candidate> randomCutForest() {
    List<Candidate> out = new ArrayList<>();
    for (double floor : new double[] {1.5, 1.75, 2.0, 2.25, 2.5, 3.0}) {
      out.add(rcf(RcfSettings.defaults().withScoreFloor(floor)));
    }
    return out;
  }

  /** One Random Cut Forest candidate. */
  public static Candidate rcf(RcfSettings settings) {
    RandomCutForestFactory factory = new RandomCutForestFactory(settings);
    return new Candidate("rcf", factory.describe(), probation -> factory);
  }
}
