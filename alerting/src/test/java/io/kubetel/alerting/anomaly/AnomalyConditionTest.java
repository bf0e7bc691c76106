package io.kubetel.alerting.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.alerting.condition.SeriesCondition.Verdict;
import io.kubetel.alerting.condition.SeriesInput;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.anomaly.Sensitivity;
import io.kubetel.model.problem.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Anomaly condition on synthetic one-minute series, evaluated every minute with a 30-minute
 * window after a warm-up window of 2000 minutes: a spike fires with its grade, expected range and
 * observed value, noise never fires, and saved state resumes with identical verdicts.
 */
class AnomalyConditionTest {
  static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  static final int WARM_UP = 2000;

  static SeriesCondition condition(AnomalyModels models, String anomaly) {
    return models
        .registerOn(ConditionTypes.standard())
        .parse(Rules.json("{'type':'Anomaly','anomaly':" + anomaly + "}"));
  }

  /** The evaluation at the end of minute {@code i}, 10 s into minute {@code i + 1}. */
  static SeriesInput at(NoisySeries s, int i, int window) {
    Instant end = T0.plusSeconds(60L * (i + 1) + 10);
    return new SeriesInput("shop/latency", "fp1", Map.of(), s.window(end, window), 60, end, end);
  }

  /** Warm-up evaluation, then one evaluation per minute from {@code from} to {@code to}. */
  static List<Verdict> run(SeriesCondition c, NoisySeries s, int from, int to) {
    List<Verdict> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(c.evaluate(at(s, i, i == from && from == WARM_UP ? WARM_UP : 30)));
    }
    return out;
  }

  @Test
  void aSpikeFiresWithGradeExpectedRangeAndObservedValue() {
    int spikeAt = 2500;
    NoisySeries s = new NoisySeries(100, 5, 7).spike(T0.plusSeconds(60L * spikeAt), 80);
    List<Verdict> verdicts = run(condition(new AnomalyModels(), "{}"), s, WARM_UP, 2600);

    int first = indexOfFirstHolding(verdicts);
    assertThat(first + WARM_UP).isBetween(spikeAt, spikeAt + 8);
    Verdict firing = verdicts.get(first);
    Map<String, Double> d = firing.details();
    assertThat(d).containsOnlyKeys("grade", "expectedLow", "expectedHigh", "observed");
    assertThat(d.get("grade")).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
    // The most anomalous point of the run is the spike (level 100, noise σ 5, spike +80).
    assertThat(d.get("observed")).isGreaterThan(150.0);
    assertThat(d.get("expectedLow")).isLessThanOrEqualTo(d.get("expectedHigh"));
    assertThat(d.get("expectedHigh")).isLessThan(d.get("observed"));
    // The spike is one minute: the anomaly resolves and stays resolved.
    assertThat(verdicts.subList(first + 10, verdicts.size())).noneMatch(Verdict::holds);
    assertThat(verdicts.get(verdicts.size() - 1).details()).isEmpty();
  }

  @Test
  void noiseNeverFires() {
    NoisySeries s = new NoisySeries(100, 5, 11);
    List<Verdict> verdicts = run(condition(new AnomalyModels(), "{}"), s, WARM_UP, 3000);
    assertThat(verdicts).allMatch(Verdict::hasData).noneMatch(Verdict::holds);
  }

  @Test
  void theWarmUpNeverFiresEvenWithAnAnomalyInIt() {
    NoisySeries s = new NoisySeries(100, 5, 13).spike(T0.plusSeconds(60L * 1500), 80);
    Verdict first =
        condition(new AnomalyModels(), "{'sensitivity':'High'}").evaluate(at(s, WARM_UP, WARM_UP));
    assertThat(first.holds()).isFalse();
    assertThat(first.value()).isEqualTo(s.value(T0.getEpochSecond() / 60 + WARM_UP));
  }

  @Test
  void savedStateResumesWithIdenticalVerdicts() {
    NoisySeries s = new NoisySeries(100, 5, 17).spike(T0.plusSeconds(60L * 2700), 90);
    AnomalyModels original = new AnomalyModels();
    SeriesCondition c = condition(original, "{'minimumDuration':'0s'}");
    run(c, s, WARM_UP, 2300);
    List<SavedSeries> saved = original.save();
    assertThat(saved).singleElement().satisfies(x -> assertThat(x.state()).isNotEmpty());

    AnomalyModels restored = new AnomalyModels();
    restored.restore(saved);
    // No warm-up on the restored side: it continues from the saved minute.
    List<Verdict> resumed = run(condition(restored, "{'minimumDuration':'0s'}"), s, 2300, 2800);
    List<Verdict> continued = run(c, s, 2300, 2800);
    assertThat(resumed).isEqualTo(continued).anyMatch(Verdict::holds);
  }

  @Test
  void reParsingWithEqualSettingsKeepsWhatWasLearnedAndOtherSettingsStartAfresh() {
    NoisySeries s = new NoisySeries(100, 5, 19);
    AnomalyModels models = new AnomalyModels();
    run(condition(models, "{}"), s, WARM_UP, 2100);
    assertThat(models.save())
        .singleElement()
        .extracting(SavedSeries::lastMillis)
        .isEqualTo(T0.plusSeconds(60L * 2099).toEpochMilli());
    condition(models, "{}").evaluate(at(s, 2100, 30));
    assertThat(models.save())
        .singleElement()
        .extracting(SavedSeries::lastMillis)
        .isEqualTo(T0.plusSeconds(60L * 2100).toEpochMilli());
    condition(models, "{'sensitivity':'Low'}").evaluate(at(s, 2101, 30));
    assertThat(models.save())
        .singleElement()
        .satisfies(x -> assertThat(x.settings().sensitivity()).isEqualTo(Sensitivity.LOW));
  }

  @Test
  void invalidConditionsNameTheirField() {
    AnomalyModels models = new AnomalyModels();
    ConditionTypes types = models.registerOn(ConditionTypes.standard());
    assertThatThrownBy(() -> types.parse(Rules.json("{'type':'Anomaly'}")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("spec.condition.anomaly: Required value");
    assertThatThrownBy(
            () -> types.parse(Rules.json("{'type':'Anomaly','threshold':3,'anomaly':{}}")))
        .hasMessageContaining("spec.condition.threshold: Forbidden");
    assertThatThrownBy(
            () -> types.parse(Rules.json("{'type':'Anomaly','anomaly':{'sensitivity':'Max'}}")))
        .hasMessageContaining("spec.condition.anomaly.sensitivity: Unsupported value: \"Max\"");
    assertThatThrownBy(
            () -> types.parse(Rules.json("{'type':'Anomaly','anomaly':{'season':'0s'}}")))
        .hasMessageContaining("spec.condition.anomaly.season");
    assertThat(
            ((AnomalyCondition)
                    types.parse(
                        Rules.json(
                            "{'type':'Anomaly','anomaly':{'season':'1d','minimumDuration':'10m'}}")))
                .settings())
        .isEqualTo(new AnomalySettings(Sensitivity.MEDIUM, 86_400_000L, 600_000L));
  }

  private static int indexOfFirstHolding(List<Verdict> verdicts) {
    for (int i = 0; i < verdicts.size(); i++) {
      if (verdicts.get(i).holds()) {
        return i;
      }
    }
    throw new AssertionError("never fired");
  }
}
