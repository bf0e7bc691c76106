package io.kubetel.operator.conditions;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * How a GitOps tool reads an object's status: the kstatus rules of sigs.k8s.io/cli-utils
 * (pkg/kstatus/status: {@code Compute} and its generic checks), which Flux's health checks use,
 * written here from their documentation and source so tests can hold the operator's statuses to
 * them. In order, for a custom resource:
 *
 * <ol>
 *   <li>{@code metadata.deletionTimestamp} set: Terminating.
 *   <li>{@code metadata.generation} and {@code status.observedGeneration} both present and
 *       different: InProgress (the latest spec is not observed yet).
 *   <li>The first condition, in list order, that is {@code Reconciling=True} (InProgress) or {@code
 *       Stalled=True} (Failed) decides.
 *   <li>{@code Ready} when present: True is Current, False or Unknown InProgress (the reading of
 *       Ready that tools apply to objects that carry it, as Flux's own objects do).
 *   <li>Otherwise Current: kstatus takes the absence of these conditions as done.
 * </ol>
 *
 * It reads the object as JSON, as kstatus reads unstructured objects, so it sees exactly what the
 * API server would serve.
 */
public final class KStatusRules {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private KStatusRules() {}

  /** kstatus's verdicts (NotFound and Unknown need a cluster lookup and do not occur here). */
  public enum Status {
    InProgress,
    Failed,
    Current,
    Terminating
  }

  /**
   * A verdict and why.
   *
   * @param status the verdict
   * @param message the message kstatus reports with it
   */
  public record Result(Status status, String message) {}

  /** The kstatus verdict on {@code object} as it stands. */
  public static Result compute(HasMetadata object) {
    JsonNode o = JSON.convertValue(object, JsonNode.class);
    if (!o.at("/metadata/deletionTimestamp").asText("").isEmpty()) {
      return new Result(Status.Terminating, "Resource scheduled for deletion");
    }
    JsonNode generation = o.at("/metadata/generation");
    JsonNode observed = o.at("/status/observedGeneration");
    if (generation.isIntegralNumber()
        && observed.isIntegralNumber()
        && generation.asLong() != observed.asLong()) {
      return new Result(
          Status.InProgress,
          object.getKind()
              + " generation is "
              + generation.asLong()
              + ", but latest observed generation is "
              + observed.asLong());
    }
    JsonNode conditions = o.at("/status/conditions");
    for (JsonNode c : conditions) {
      if (isTrue(c, "Reconciling")) {
        return new Result(Status.InProgress, c.path("message").asText());
      }
      if (isTrue(c, "Stalled")) {
        return new Result(Status.Failed, c.path("message").asText());
      }
    }
    for (JsonNode c : conditions) {
      if (c.path("type").asText().equals("Ready")) {
        return new Result(
            isTrue(c, "Ready") ? Status.Current : Status.InProgress, c.path("message").asText());
      }
    }
    return new Result(Status.Current, "Resource is current");
  }

  private static boolean isTrue(JsonNode condition, String type) {
    return condition.path("type").asText().equals(type)
        && condition.path("status").asText().equals("True");
  }
}
