package io.kubetel.operator.conditions;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.kubetel.crds.common.Condition;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at once that the operator is at work on an object it has never written a status for: a
 * {@code Reconciling=True} condition (reason {@value #REASON}), written before the reconciliation's
 * slow steps (ClickHouse) run. kstatus reads an object without status as Current, so without this a
 * GitOps tool would take a new tenant, rule or dashboard as done while its first reconciliation
 * still waits for storage. The reconciliation's own status write replaces it.
 *
 * <p>Best effort: a failed write is logged and the reconciliation goes on (its status follows).
 * Only objects without status pay the extra request; a later spec change already reads as
 * InProgress through {@code observedGeneration}.
 */
public final class FirstObservation {
  private static final Logger log = LoggerFactory.getLogger(FirstObservation.class);

  /** The reason of the first {@code Reconciling} condition. */
  public static final String REASON = "FirstReconcile";

  private FirstObservation() {}

  /**
   * Marks {@code resource} as being reconciled if it has no status yet ({@code status} null).
   *
   * @param status the resource's status as the reconciliation received it
   */
  public static void markIfNew(
      HasMetadata resource, Object status, Context<?> context, Clock clock) {
    if (status != null) {
      return;
    }
    Long generation = resource.getMetadata().getGeneration();
    List<Condition> conditions =
        ConditionSet.from(null, generation, clock)
            .set(
                ConditionTypes.RECONCILING,
                true,
                REASON,
                "the operator has started the first reconciliation"
                    + (generation == null ? "" : " (generation " + generation + ")")
                    + " and has not finished it yet")
            .toList();
    try {
      String patch =
          context
              .getClient()
              .getKubernetesSerialization()
              .asJson(Map.of("status", Map.of("conditions", conditions)));
      // A merge patch of the status subresource only: no resourceVersion, so it cannot conflict.
      context
          .getClient()
          .resource(resource)
          .subresource("status")
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    } catch (KubernetesClientException e) {
      log.warn(
          "event=first_status_failed kind={} namespace={} name={} error={}",
          resource.getKind(),
          resource.getMetadata().getNamespace(),
          resource.getMetadata().getName(),
          ErrorText.describe(e));
    }
  }
}
