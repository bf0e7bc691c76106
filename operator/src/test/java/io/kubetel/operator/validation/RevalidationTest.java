package io.kubetel.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.events.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * When the stored data cannot be read, an AlertRule's or Dashboard's conditions say why, naming
 * what the operator found (a missing telemetry table, a table of an unreadable shape, storage
 * down), and the check runs again soon instead of after the recheck interval.
 */
class RevalidationTest {
  static final Revalidation.Wording WORDING =
      new Revalidation.Wording("the rule", "the query", "valid", "ready");

  static Revalidation.Outcome run(RuntimeException failure) {
    AlertRule rule = new AlertRule();
    rule.setMetadata(
        new ObjectMetaBuilder()
            .withName("errors")
            .withNamespace("shop")
            .withGeneration(3L)
            .build());
    Supplier<List<io.kubetel.operator.query.Problem>> failing =
        () -> {
          throw failure;
        };
    // No API server: the Event the flip announces is logged as not recorded, never thrown.
    return new Revalidation(
            new EventRecorder(null, Clock.systemUTC()), Clock.systemUTC(), Duration.ofMinutes(10))
        .run(rule, List.of(), failing, WORDING);
  }

  static Condition condition(Revalidation.Outcome outcome, String type) {
    return ConditionSet.find(outcome.conditions(), type).orElseThrow();
  }

  @Test
  void aMissingTableIsTheReasonAndItsNameTheMessage() {
    Revalidation.Outcome outcome =
        run(
            new StoreSchemaException(
                StoreSchemaException.Problem.MISSING_TABLE,
                "telemetry table kt_shop.otel_logs does not exist"));
    Condition valid = condition(outcome, ConditionTypes.VALID);
    assertThat(valid.getStatus()).isEqualTo(ConditionStatus.Unknown);
    assertThat(valid.getReason()).isEqualTo("TelemetryTableMissing");
    assertThat(valid.getMessage())
        .isEqualTo(
            "cannot check the query against stored data: telemetry table kt_shop.otel_logs does"
                + " not exist; checking again in 30s");
    assertThat(condition(outcome, ConditionTypes.READY).getReason())
        .isEqualTo("TelemetryTableMissing");
    assertThat(outcome.next()).isEqualTo(Revalidation.CATALOG_RETRY);
    assertThat(outcome.generation()).isEqualTo(3L);
  }

  @Test
  void anUnreadableTableAndAnOutageHaveReasonsOfTheirOwn() {
    assertThat(
            condition(
                    run(
                        new StoreSchemaException(
                            StoreSchemaException.Problem.UNSUPPORTED_COLUMN,
                            "otel_logs.LogAttributes is JSON")),
                    ConditionTypes.VALID)
                .getReason())
        .isEqualTo("UnsupportedTelemetryTable");
    Condition down =
        condition(
            run(
                new StoreUnavailableException(
                    "ClickHouse is unreachable (select): Connect to ch-0.internal:8123 failed",
                    null)),
            ConditionTypes.VALID);
    assertThat(down.getReason()).isEqualTo("CatalogUnavailable");
    assertThat(down.getMessage())
        .isEqualTo(
            "cannot check the query against stored data: ClickHouse cannot be reached or did not"
                + " answer in time; checking again in 30s");
    // A fault of the check itself is not an outage of the store.
    Condition bug = condition(run(new NullPointerException("spec")), ConditionTypes.VALID);
    assertThat(bug.getReason()).isEqualTo("ValidationError");
    assertThat(bug.getMessage()).contains("NullPointerException").doesNotContain("spec;");
  }
}
