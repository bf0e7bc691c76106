package io.kubetel.operator.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditions follow the Kubernetes conventions. */
class ConditionSetTest {

  static final Clock T1 = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  static final Clock T2 = Clock.fixed(Instant.parse("2026-11-25T11:00:00Z"), ZoneOffset.UTC);

  /** One condition, Ready=True since T1 at generation 1. */
  static List<Condition> readyAtT1() {
    return ConditionSet.from(null, 1L, T1).set("Ready", true, "Ready", "ok").toList();
  }

  /** Ready set again at T2 for {@code generation}, on top of {@link #readyAtT1()}. */
  static ConditionSet readyAgainAtT2(long generation, boolean ready, String reason, String msg) {
    return ConditionSet.from(readyAtT1(), generation, T2).set("Ready", ready, reason, msg);
  }

  @Test
  void newConditionsGetTheCurrentTimeAndGeneration() {
    List<Condition> c = ConditionSet.from(null, 3L, T1).set("Ready", true, "Ready", "ok").toList();
    assertThat(c)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.getStatus()).isEqualTo(ConditionStatus.True);
              assertThat(x.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
              assertThat(x.getObservedGeneration()).isEqualTo(3L);
            });
  }

  @Test
  void lastTransitionTimeIsKeptWhileTheStatusDoesNotChange() {
    ConditionSet again = readyAgainAtT2(2L, true, "StillReady", "fine");
    assertThat(again.transitioned("Ready")).isFalse();
    Condition c = again.get("Ready").orElseThrow();
    assertThat(c.getLastTransitionTime()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(c.getReason()).isEqualTo("StillReady");
    assertThat(c.getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void aStatusChangeMovesLastTransitionTime() {
    ConditionSet flipped = readyAgainAtT2(1L, false, "Broken", "no");
    assertThat(flipped.transitioned("Ready")).isTrue();
    assertThat(flipped.get("Ready").orElseThrow().getLastTransitionTime())
        .isEqualTo("2026-11-25T11:00:00Z");
  }

  @Test
  void otherConditionsAreKeptInOrderAndOneEntryPerType() {
    List<Condition> first =
        ConditionSet.from(null, 1L, T1)
            .set("StorageReady", true, "DatabaseReady", "ok")
            .set("Ready", true, "Ready", "ok")
            .toList();
    List<Condition> next =
        ConditionSet.from(first, 1L, T2).set("Ready", false, "NamespaceConflict", "x").toList();
    assertThat(next).extracting(Condition::getType).containsExactly("StorageReady", "Ready");
  }

  @Test
  void removedConditionsAreGoneAndOnlyWhatWasSetHereCounts() {
    ConditionSet c = ConditionSet.from(readyAtT1(), 1L, T2).set("Stalled", true, "X", "x");
    assertThat(c.setHere("Ready")).as("carried over from the status").isFalse();
    assertThat(c.setHere("Stalled")).isTrue();
    c.remove("Stalled").remove("Ready");
    assertThat(c.toList()).isEmpty();
    assertThat(c.setHere("Stalled")).isFalse();
    assertThat(c.transitioned("Ready")).isFalse();
  }
}
