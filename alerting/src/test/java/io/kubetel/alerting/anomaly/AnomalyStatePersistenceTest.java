package io.kubetel.alerting.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.alerting.condition.SeriesCondition.Verdict;
import io.kubetel.alerting.testing.InMemoryAlertHistory;
import io.kubetel.model.alerts.ConditionState;
import io.kubetel.store.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Anomaly condition's detectors through the history's condition-state rows: a process that
 * restores them continues with the same verdicts as one that never stopped, the newest save wins,
 * and rows it cannot read are skipped (that series warms up again).
 */
class AnomalyStatePersistenceTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
  final InMemoryAlertHistory history = new InMemoryAlertHistory();

  @Test
  void aRestartedProcessContinuesWithIdenticalVerdicts() {
    NoisySeries s =
        new NoisySeries(100, 5, 23).spike(AnomalyConditionTest.T0.plusSeconds(60L * 2600), 90);
    AnomalyModels first = new AnomalyModels();
    SeriesCondition c = AnomalyConditionTest.condition(first, "{'sensitivity':'High'}");
    AnomalyConditionTest.run(c, s, AnomalyConditionTest.WARM_UP, 2200);
    AnomalyStatePersistence saving = new AnomalyStatePersistence(first, history, "sys", clock);
    assertThat(saving.save()).isTrue();
    clock.advance(Duration.ofMinutes(5));
    AnomalyConditionTest.run(c, s, 2200, 2300);
    assertThat(saving.save()).isTrue();
    assertThat(history.conditionStates)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.namespace()).isEqualTo("shop");
              assertThat(r.rule()).isEqualTo("latency");
              assertThat(r.settings()).isEqualTo("sensitivity=HIGH season=0 minimum=0");
            });

    AnomalyModels second = new AnomalyModels();
    new AnomalyStatePersistence(second, history, "sys", clock).restore();
    List<Verdict> resumed =
        AnomalyConditionTest.run(
            AnomalyConditionTest.condition(second, "{'sensitivity':'High'}"), s, 2300, 2700);
    List<Verdict> continued = AnomalyConditionTest.run(c, s, 2300, 2700);
    assertThat(resumed).isEqualTo(continued).anyMatch(Verdict::holds);
  }

  @Test
  void onlySeriesThatLearnedSinceTheirLastSaveAreWrittenAgain() {
    NoisySeries s = new NoisySeries(100, 5, 29);
    AnomalyModels models = new AnomalyModels();
    SeriesCondition c = AnomalyConditionTest.condition(models, "{'sensitivity':'High'}");
    AnomalyConditionTest.run(c, s, AnomalyConditionTest.WARM_UP, 2200);
    AnomalyStatePersistence saving = new AnomalyStatePersistence(models, history, "sys", clock);
    assertThat(saving.save()).isTrue();
    assertThat(history.conditionStates).hasSize(1);

    clock.advance(Duration.ofMinutes(5));
    assertThat(saving.save()).as("nothing learned: nothing written").isTrue();
    assertThat(history.conditionStates).hasSize(1);

    AnomalyConditionTest.run(c, s, 2200, 2210);
    assertThat(saving.save()).isTrue();
    assertThat(history.conditionStates)
        .hasSize(2)
        .extracting(ConditionState::lastMillis)
        .doesNotHaveDuplicates();

    // A restored process does not write back what it just read.
    AnomalyModels restored = new AnomalyModels();
    AnomalyStatePersistence again = new AnomalyStatePersistence(restored, history, "sys", clock);
    again.restore();
    assertThat(again.save()).isTrue();
    assertThat(history.conditionStates).hasSize(2);
  }

  @Test
  void unreadableRowsAreSkipped() {
    history.saveConditionStates(
        "sys",
        List.of(
            new ConditionState("shop", "latency", "fp1", "not settings", 1, new byte[] {1}, 1),
            new ConditionState(
                "shop",
                "latency",
                "fp2",
                "sensitivity=LOW season=0 minimum=0",
                1,
                new byte[3],
                1)));
    AnomalyModels models = new AnomalyModels();
    new AnomalyStatePersistence(models, history, "sys", clock).restore();
    assertThat(models.save()).isEmpty();
  }
}
