package io.kubetel.operator.query;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.KStatus;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the outcome of validating a resource's queries into its {@code Valid} and {@code Ready}
 * conditions, and announces a flip of {@code Valid} as an Event. Shared by the AlertRule and
 * Dashboard reconcilers so both report problems the same way: the first problem's reason, every
 * problem in the message. A problem stalls the object (kstatus {@code Stalled}: it stays invalid
 * until its spec, or the data or Secret it names, changes); stored data that cannot be read leaves
 * it reconciling (checked again soon).
 */
public final class ValidationConditions {
  /** Reason of both conditions while the stored data cannot be read. */
  public static final String CATALOG_UNAVAILABLE = "CatalogUnavailable";

  /** Reason of both conditions while a telemetry table the queries read does not exist. */
  public static final String TABLE_MISSING = "TelemetryTableMissing";

  /** Reason of both conditions when a telemetry table has a shape kubetel cannot read. */
  public static final String TABLE_UNSUPPORTED = "UnsupportedTelemetryTable";

  /** Reason of both conditions when the check itself failed unexpectedly (not the store). */
  public static final String VALIDATION_ERROR = "ValidationError";

  private ValidationConditions() {}

  /**
   * Sets Valid/Ready from {@code problems}.
   *
   * @param what the resource as named in messages, e.g. "the rule"
   * @param validMessage Valid's message when there is no problem
   * @param readyMessage Ready's message when there is no problem
   */
  public static void apply(
      ConditionSet conditions,
      List<Problem> problems,
      String what,
      String validMessage,
      String readyMessage) {
    if (problems.isEmpty()) {
      conditions.set(ConditionTypes.VALID, true, "Valid", validMessage);
      conditions.set(ConditionTypes.READY, true, "Ready", readyMessage);
      return;
    }
    Problem first = problems.get(0);
    String all = problems.stream().map(Problem::describe).collect(Collectors.joining("; "));
    conditions.set(ConditionTypes.VALID, false, first.reason(), all);
    KStatus.stalled(conditions, first.reason(), what + " is not valid: " + first.describe());
  }

  /**
   * Valid is Unknown and Ready False while the stored data cannot be read, with a reason saying
   * why: {@link #TABLE_MISSING}, {@link #TABLE_UNSUPPORTED} or {@link #CATALOG_UNAVAILABLE}; {@link
   * #VALIDATION_ERROR} when the failure is not the store's.
   */
  public static void catalogUnavailable(
      ConditionSet conditions, RuntimeException cause, String message) {
    String reason;
    if (cause instanceof StoreSchemaException schema) {
      reason =
          schema.problem() == StoreSchemaException.Problem.MISSING_TABLE
              ? TABLE_MISSING
              : TABLE_UNSUPPORTED;
    } else if (cause instanceof StoreUnavailableException
        || cause instanceof StoreLimitException
        || cause instanceof ClickHouseQueryException) {
      reason = CATALOG_UNAVAILABLE;
    } else {
      // Not the store: a fault of the check itself, not to be mistaken for an outage.
      reason = VALIDATION_ERROR;
    }
    conditions.set(ConditionTypes.VALID, ConditionStatus.Unknown, reason, message);
    conditions.set(ConditionTypes.READY, false, reason, message);
  }

  /** Records a Normal (now valid) or Warning (now invalid) Event when Valid changed. */
  public static void announce(ConditionSet conditions, EventRecorder events, HasMetadata object) {
    if (!conditions.transitioned(ConditionTypes.VALID)) {
      return;
    }
    conditions.get(ConditionTypes.VALID).ifPresent(c -> events.announce(object, c));
  }

  /**
   * The conditions as comparable strings (including transition time and generation), to skip a
   * status patch that would change nothing.
   */
  public static List<String> render(List<Condition> conditions) {
    List<String> out = new ArrayList<>();
    if (conditions != null) {
      conditions.forEach(
          c -> out.add(c + "@" + c.getLastTransitionTime() + "/" + c.getObservedGeneration()));
    }
    return out;
  }
}
