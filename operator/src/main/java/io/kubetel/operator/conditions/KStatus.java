package io.kubetel.operator.conditions;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import java.util.Optional;

/**
 * The status conditions GitOps tools read (kstatus, as Flux and Argo CD use it), written the same
 * way for every kind: {@code Ready} says whether everything is done; {@code Reconciling=True} while
 * the operator is still working toward it (a retry, a check that runs again soon); {@code
 * Stalled=True} when it cannot get there until something changes (a bad spec, a conflict, a
 * refusal). Both abnormal-true conditions are absent otherwise, and never True together.
 *
 * <p>A reconciliation sets {@code Ready} (and, for a dead end, {@link #stalled}) on its {@link
 * ConditionSet}; {@link #settle} then derives the rest once, just before the status is written:
 *
 * <ul>
 *   <li>{@code Stalled=True} set in this reconciliation wins: {@code Ready} becomes False if it was
 *       not already, {@code Reconciling} goes.
 *   <li>Otherwise {@code Stalled} goes (one left from an earlier reconciliation no longer holds);
 *       {@code Ready=True} removes {@code Reconciling}; {@code Ready} False or Unknown sets {@code
 *       Reconciling=True} with Ready's reason and message.
 * </ul>
 *
 * Every condition carries the generation it was computed from, and the statuses carry {@code
 * observedGeneration}, so a spec change not yet acted on reads as in progress.
 */
public final class KStatus {

  private KStatus() {}

  /**
   * The object cannot progress until something changes: {@code Stalled=True} and {@code
   * Ready=False}, both with {@code reason} and {@code message} (say what to change).
   */
  public static ConditionSet stalled(ConditionSet conditions, String reason, String message) {
    conditions.set(ConditionTypes.STALLED, ConditionStatus.True, reason, message);
    conditions.set(ConditionTypes.READY, ConditionStatus.False, reason, message);
    return conditions;
  }

  /** {@link #stalled} with the reason and message {@code Ready} already has. */
  public static ConditionSet stalledAsReady(ConditionSet conditions) {
    Condition ready =
        conditions
            .get(ConditionTypes.READY)
            .orElseThrow(() -> new IllegalStateException("Ready must be set before stalling"));
    return stalled(conditions, ready.getReason(), ready.getMessage());
  }

  /** Derives {@code Reconciling} and {@code Stalled} from what this reconciliation set. */
  public static ConditionSet settle(ConditionSet conditions) {
    Optional<Condition> stalled =
        conditions.setHere(ConditionTypes.STALLED)
            ? conditions.get(ConditionTypes.STALLED).filter(Condition::isTrue)
            : Optional.empty();
    if (stalled.isPresent()) {
      conditions.remove(ConditionTypes.RECONCILING);
      if (conditions.isTrue(ConditionTypes.READY)
          || conditions.get(ConditionTypes.READY).isEmpty()) {
        conditions.set(
            ConditionTypes.READY,
            ConditionStatus.False,
            stalled.get().getReason(),
            stalled.get().getMessage());
      }
      return conditions;
    }
    conditions.remove(ConditionTypes.STALLED);
    Optional<Condition> ready = conditions.get(ConditionTypes.READY);
    if (ready.isEmpty() || ready.get().isTrue()) {
      conditions.remove(ConditionTypes.RECONCILING);
    } else {
      conditions.set(
          ConditionTypes.RECONCILING,
          ConditionStatus.True,
          ready.get().getReason(),
          ready.get().getMessage());
    }
    return conditions;
  }
}
