package io.kubetel.store.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.model.alerts.ConditionState;
import io.kubetel.store.testing.LocalClickHouse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saved condition state (the Anomaly condition's detectors) in kubetel's own database on the local
 * ClickHouse (18.16 and 26.7): arbitrary bytes round-trip, the newest save per series wins, values
 * that look like SQL stay values, and many large states are written in batches.
 */
class ConditionStateIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("condstate");

  String db;
  ClickHouseAlertHistory history;

  @BeforeEach
  void history() {
    db = ch.database() + "_sys";
    history = new ClickHouseAlertHistory(ch.gateway());
  }

  @AfterEach
  void drop() {
    ch.gateway().execute("DROP DATABASE IF EXISTS " + db);
  }

  static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void bytesRoundTripAndTheNewestSavePerSeriesWins() {
    assertThat(history.latestConditionStates(db)).isEmpty();
    ConditionState old =
        new ConditionState("shop", "latency", "fp1", "s=MEDIUM", 1_000L, bytes(300, 1), 1);
    ConditionState newer =
        new ConditionState("shop", "latency", "fp1", "s=MEDIUM", 2_000L, bytes(300, 2), 2);
    ConditionState hostile =
        new ConditionState(
            "shop", "x'); DROP TABLE t; --", "fp\\2", "s='HIGH'", 5L, new byte[0], 3);
    history.saveConditionStates(db, List.of(old));
    history.saveConditionStates(db, List.of(newer, hostile));

    assertThat(history.latestConditionStates(db)).containsExactlyInAnyOrder(newer, hostile);
  }

  @Test
  void manyLargeStatesAreSavedInBatches() {
    List<ConditionState> states = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      states.add(new ConditionState("shop", "latency", "fp" + i, "s=LOW", i, bytes(20_000, i), 10));
    }
    history.saveConditionStates(db, states);
    assertThat(history.latestConditionStates(db)).containsExactlyInAnyOrderElementsOf(states);
  }
}
