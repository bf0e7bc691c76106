package io.kubetel.operator.conditions;

/** Condition types the operator writes, shared by all kinds. */
public final class ConditionTypes {
  /** Everything the operator does for the object is done and healthy. */
  public static final String READY = "Ready";

  /**
   * kstatus: the operator is still working toward Ready (a step is being retried, the stored data
   * is checked again soon). Present only while True; see {@link KStatus}.
   */
  public static final String RECONCILING = "Reconciling";

  /**
   * kstatus: the operator cannot make progress until something changes (the spec, a conflicting
   * object, what a refusal names). Present only while True; see {@link KStatus}.
   */
  public static final String STALLED = "Stalled";

  /** The spec passed validation against the schema and the stored data (AlertRule, Dashboard). */
  public static final String VALID = "Valid";

  /** The tenant's database and tables exist (TelemetryTenant). */
  public static final String STORAGE_READY = "StorageReady";

  /** Retention ran successfully for the current spec (TelemetryTenant). */
  public static final String RETENTION_APPLIED = "RetentionApplied";

  /**
   * The tenant's own ClickHouse user exists with its grant and quotas (TelemetryTenant, ClickHouse
   * 20.4+ only, when the operator provisions it). Absent where the operator does not provision one.
   */
  public static final String CLICKHOUSE_USER_READY = "ClickHouseUserReady";

  private ConditionTypes() {}
}
