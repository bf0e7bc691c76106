package io.kubetel.anomaly.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.anomaly.Synthetic;
import io.kubetel.anomaly.seasonal.SeasonalBaselineFactory;
import io.kubetel.anomaly.seasonal.SeasonalSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anomaly runs per series: firing after the minimum duration, resolving, state carried over. */
class AnomalyTrackerTest {
  private static final SeasonalBaselineFactory FACTORY =
      new SeasonalBaselineFactory(SeasonalSettings.defaults());
  private static final int DAYS = 6;

  private static double[] latencyWithStep(int from, int length) {
    double[] values = new double[DAYS * Synthetic.POINTS_PER_DAY];
    java.util.Random random = new java.util.Random(21);
    for (int i = 0; i < values.length; i++) {
      values[i] = 120 + 4 * random.nextGaussian() + (i >= from && i < from + length ? 200 : 0);
    }
    return values;
  }

  private static List<AnomalyTransition> feed(AnomalyTracker tracker, String series, double[] v) {
    List<AnomalyTransition> transitions = new ArrayList<>();
    for (int i = 0; i < v.length; i++) {
      tracker.observe(series, Synthetic.timeOf(i), v[i]).ifPresent(transitions::add);
    }
    return transitions;
  }

  @Test
  void aStepFiresOnceItLastsTheMinimumDurationAndResolvesAfter() {
    int from = 4 * Synthetic.POINTS_PER_DAY;
    double[] values = latencyWithStep(from, 6);
    AnomalyTracker tracker = new AnomalyTracker(FACTORY, 10 * 60_000L);
    List<AnomalyTransition> transitions = feed(tracker, "checkout p99", values);

    assertThat(transitions)
        .extracting(AnomalyTransition::kind)
        .containsExactly(AnomalyTransition.Kind.FIRING, AnomalyTransition.Kind.RESOLVED);
    AnomalyInterval fired = transitions.get(0).anomaly();
    assertThat(fired.startMillis()).isEqualTo(Synthetic.timeOf(from));
    // Ten minutes at five-minute points: the third anomalous point fires.
    assertThat(fired.endMillis()).isEqualTo(Synthetic.timeOf(from + 2));
    assertThat(fired.observed()).isGreaterThan(300);
    assertThat(fired.expectedHigh()).isLessThan(200);
    assertThat(fired.grade()).isBetween(0.0, 1.0).isPositive();
    AnomalyInterval resolved = transitions.get(1).anomaly();
    assertThat(resolved.resolved()).isTrue();
    assertThat(resolved.endMillis()).isEqualTo(Synthetic.timeOf(from + 5));
  }

  @Test
  void aBlipShorterThanTheMinimumDurationNeverFires() {
    double[] values = latencyWithStep(4 * Synthetic.POINTS_PER_DAY, 2);
    AnomalyTracker tracker = new AnomalyTracker(FACTORY, 15 * 60_000L);
    assertThat(feed(tracker, "checkout p99", values)).isEmpty();
  }

  @Test
  void restoredStateFiresTheSameAsAnUninterruptedTracker() {
    int from = 4 * Synthetic.POINTS_PER_DAY;
    double[] values = latencyWithStep(from, 6);
    AnomalyTracker uninterrupted = new AnomalyTracker(FACTORY, 0);
    List<AnomalyTransition> expected = feed(uninterrupted, "s", values);

    AnomalyTracker before = new AnomalyTracker(FACTORY, 0);
    double[] first = java.util.Arrays.copyOfRange(values, 0, from - 10);
    feed(before, "s", first);
    AnomalyTracker after = new AnomalyTracker(FACTORY, 0);
    after.restoreState("s", before.saveState("s").orElseThrow());
    List<AnomalyTransition> actual = new ArrayList<>();
    for (int i = from - 10; i < values.length; i++) {
      after.observe("s", Synthetic.timeOf(i), values[i]).ifPresent(actual::add);
    }
    assertThat(actual).isEqualTo(expected).isNotEmpty();
  }
}
