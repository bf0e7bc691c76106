package io.kubetel.crds.common;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A status condition following the Kubernetes API conventions ({@code metav1.Condition}): one per
 * type, {@code lastTransitionTime} changes only when {@code status} changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = StatusSchema.class, input = "lastTransitionTime")
public class Condition {

  @Required
  @Pattern("^[A-Za-z][A-Za-z0-9]*$")
  @Size(max = 316)
  @JsonPropertyDescription("Condition type in CamelCase, e.g. Ready, Valid, StorageReady.")
  private String type;

  @Required
  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private ConditionStatus status;

  @JsonPropertyDescription(
      "Generation of the object the condition was computed from; older than"
          + " metadata.generation means the condition is stale.")
  private Long observedGeneration;

  @Required
  @JsonPropertyDescription("Time the status last changed (RFC 3339).")
  private String lastTransitionTime;

  @Required
  @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
  @Size(max = 1024)
  @JsonPropertyDescription(
      "Machine-readable CamelCase reason for the last transition, e.g. NamespaceConflict.")
  private String reason;

  @Size(max = 32768)
  @JsonPropertyDescription("Human-readable message with details about the transition.")
  private String message;

  public Condition() {}

  public Condition(
      String type,
      ConditionStatus status,
      String reason,
      String message,
      Long observedGeneration,
      String lastTransitionTime) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
  }

  /** Whether this condition is of {@code type} and True. */
  @JsonIgnore
  public boolean isTrue() {
    return status == ConditionStatus.True;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public String toString() {
    return type + "=" + status + " (" + reason + ": " + message + ")";
  }
}
