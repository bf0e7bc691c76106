package io.kubetel.operator.conditions;

/** Condition types the operator writes, shared by all kinds. */
public final class ConditionTypes {
  /** Everything the operator does for the object is done and healthy. */
  public static final String READY = "Ready";

  /** The spec passed validation against the schema and the stored data (AlertRule, Dashboard). */
  public static final String VALID = "Valid";

  /** The tenant's database and tables exist (TelemetryTenant). */
  public static final String STORAGE_READY = "StorageReady";

  /** Retention ran successfully for the current spec (TelemetryTenant). */
  public static final String RETENTION_APPLIED = "RetentionApplied";

  private ConditionTypes() {}
}
