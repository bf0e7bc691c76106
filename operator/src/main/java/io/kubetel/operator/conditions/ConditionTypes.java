package io.kubetel.operator.conditions;

/** Condition types the operator writes, shared by all kinds. */
public final class ConditionTypes {
  /** Everything the operator does for the object is done and healthy. */
  public static final String READY = "Ready";

  /**
   * The object cannot make progress until someone changes something (its spec, or a conflicting
   * object): set True with the reason, together with {@code Ready=False} and the same reason.
   */
  public static final String STALLED = "Stalled";

  /** The spec passed validation against the schema and the stored data (AlertRule, Dashboard). */
  public static final String VALID = "Valid";

  /** The tenant's database and tables exist (TelemetryTenant). */
  public static final String STORAGE_READY = "StorageReady";

  /** Retention ran successfully for the current spec (TelemetryTenant). */
  public static final String RETENTION_APPLIED = "RetentionApplied";

  private ConditionTypes() {}
}
