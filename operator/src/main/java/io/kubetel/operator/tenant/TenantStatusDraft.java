package io.kubetel.operator.tenant;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.crds.tenant.TenantClickHouseStatus;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.KStatus;
import io.kubetel.operator.validation.Revalidation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;

/**
 * The status one tenant reconciliation builds: it starts from the tenant's current status, each
 * step records what it found, {@link #summariseReady} derives {@code Ready} from the rest and
 * {@link KStatus} the {@code Reconciling}/{@code Stalled} conditions GitOps tools read (a spec that
 * cannot be applied or a namespace conflict stalls the tenant, anything being retried is
 * reconciling). It also tells whether anything changed (an unchanged tenant is not written, so
 * peers are not woken for nothing) and which conditions changed status (each becomes an Event). A
 * failure that is retried leaves observedGeneration at the last spec fully applied.
 */
final class TenantStatusDraft {

  private final TelemetryTenantStatus before;
  private final TelemetryTenantStatus status;
  private final ConditionSet conditions;
  private final long generation;
  private boolean retrying;
  private boolean adopted;

  private TenantStatusDraft(TelemetryTenantStatus before, long generation, Clock clock) {
    this.before = before;
    this.generation = generation;
    this.status = copy(before);
    this.conditions = ConditionSet.from(before.getConditions(), generation, clock);
  }

  /** A draft of {@code tenant}'s status, starting from the status it has now. */
  static TenantStatusDraft start(TelemetryTenant tenant, Clock clock) {
    Long generation = tenant.getMetadata().getGeneration();
    return new TenantStatusDraft(
        tenant.getStatus() == null ? new TelemetryTenantStatus() : tenant.getStatus(),
        generation == null ? 0 : generation,
        clock);
  }

  /** The status the reconciliation started from. */
  TelemetryTenantStatus before() {
    return before;
  }

  long generation() {
    return generation;
  }

  ConditionSet conditions() {
    return conditions;
  }

  /** Records the tenant's database, once its ownership is established; adopted or created. */
  void database(String database, boolean adopted) {
    status.setDatabase(database);
    this.adopted = adopted;
  }

  /**
   * The tenant cannot progress until someone changes something: {@code Stalled=True} and {@code
   * Ready=False}, both with {@code reason} and {@code message} (which says what to change). Not
   * retried; the spec counts as observed.
   */
  void stalled(String reason, String message) {
    KStatus.stalled(conditions, reason, message);
  }

  /** Whether a step of this reconciliation stalled the tenant ({@code Stalled=True} set here). */
  boolean isStalled() {
    return conditions.setHere(ConditionTypes.STALLED) && conditions.isTrue(ConditionTypes.STALLED);
  }

  /**
   * The reconciliation failed and will be retried: the status keeps the observedGeneration of the
   * last spec that was fully applied, so nobody (nor the retry) takes the new spec as done.
   */
  void retrying() {
    retrying = true;
  }

  void resolvedNamespaces(Collection<String> owned) {
    status.setResolvedNamespaces(new ArrayList<>(owned));
  }

  /** Records the ClickHouse identity the operator provisioned, or none. */
  void clickhouse(TenantClickHouseStatus identity) {
    status.setClickhouse(identity);
  }

  void retentionRan(Instant at) {
    status.setLastRetentionRun(at.truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /**
   * Sets {@code Ready} from what the steps found, the first problem winning: a namespace conflict,
   * refused viewer bindings, unavailable storage, failed retention, the tenant's ClickHouse user
   * not provisioned, the missing viewer ClusterRole (stalled: only installing it helps, and its
   * watch wakes the tenant then); else Ready, naming listed namespaces that do not exist yet.
   */
  void summariseReady(
      Map<String, String> conflicts,
      String viewerError,
      String roleMissing,
      SortedSet<String> missing,
      int owned) {
    if (!conflicts.isEmpty()) {
      // Only an edit of this tenant or of the other one resolves it.
      KStatus.stalled(
          conditions,
          "NamespaceConflict",
          "namespaces already owned by another tenant: "
              + NamespaceClaims.describe(conflicts)
              + "; remove them from this tenant's spec or from the other tenant");
    } else if (viewerError != null) {
      conditions.set(ConditionTypes.READY, false, "ViewerBindingFailed", viewerError);
    } else if (!conditions.isTrue(ConditionTypes.STORAGE_READY)) {
      conditions.set(
          ConditionTypes.READY,
          false,
          "StorageUnavailable",
          conditions.get(ConditionTypes.STORAGE_READY).orElseThrow().getMessage());
    } else if (!conditions.isTrue(ConditionTypes.RETENTION_APPLIED)) {
      conditions.set(
          ConditionTypes.READY,
          false,
          "RetentionFailed",
          conditions.get(ConditionTypes.RETENTION_APPLIED).map(c -> c.getMessage()).orElse(""));
    } else if (conditions
        .get(ConditionTypes.CLICKHOUSE_USER_READY)
        .map(c -> !c.isTrue())
        .orElse(false)) {
      // Its own reason: AccessManagementDenied (an operator grant missing) or
      // UserProvisioningFailed.
      Condition user = conditions.get(ConditionTypes.CLICKHOUSE_USER_READY).orElseThrow();
      conditions.set(ConditionTypes.READY, false, user.getReason(), user.getMessage());
    } else if (roleMissing != null) {
      KStatus.stalled(conditions, ViewerAccess.ROLE_MISSING, roleMissing);
    } else {
      conditions.set(
          ConditionTypes.READY,
          true,
          "Ready",
          owned
              + " namespace(s), database "
              + status.getDatabase()
              + (adopted ? " (adopted: never dropped)" : "")
              + (missing.isEmpty() ? "" : "; listed namespaces that do not exist yet: " + missing));
    }
  }

  /**
   * The finished status: the recorded fields, the conditions (Reconciling and Stalled derived by
   * {@link KStatus#settle}) and the observed generation (the previous one while {@link #retrying}).
   */
  TelemetryTenantStatus build() {
    status.setConditions(KStatus.settle(conditions).toList());
    status.setObservedGeneration(
        retrying ? before.getObservedGeneration() : Long.valueOf(generation));
    return status;
  }

  /** Whether the finished status differs from the one the reconciliation started from. */
  boolean changed() {
    TelemetryTenantStatus after = build();
    return !(Objects.equals(before.getResolvedNamespaces(), after.getResolvedNamespaces())
        && Objects.equals(before.getDatabase(), after.getDatabase())
        && Objects.equals(before.getClickhouse(), after.getClickhouse())
        && Objects.equals(before.getLastRetentionRun(), after.getLastRetentionRun())
        && Objects.equals(before.getObservedGeneration(), after.getObservedGeneration())
        && Revalidation.sameConditions(before.getConditions(), after.getConditions()));
  }

  /** The conditions whose status changed (or that appeared), Ready first. */
  List<Condition> transitions() {
    KStatus.settle(conditions);
    List<Condition> out = new ArrayList<>();
    for (String type :
        List.of(
            ConditionTypes.READY,
            ConditionTypes.STORAGE_READY,
            ConditionTypes.RETENTION_APPLIED,
            ConditionTypes.CLICKHOUSE_USER_READY)) {
      if (conditions.transitioned(type)) {
        conditions.get(type).ifPresent(out::add);
      }
    }
    return out;
  }

  private static TelemetryTenantStatus copy(TelemetryTenantStatus s) {
    TelemetryTenantStatus c = new TelemetryTenantStatus();
    c.setResolvedNamespaces(
        s.getResolvedNamespaces() == null
            ? new ArrayList<>()
            : new ArrayList<>(s.getResolvedNamespaces()));
    c.setDatabase(s.getDatabase());
    c.setClickhouse(s.getClickhouse());
    c.setLastRetentionRun(s.getLastRetentionRun());
    c.setObservedGeneration(s.getObservedGeneration());
    c.setConditions(
        s.getConditions() == null ? new ArrayList<>() : new ArrayList<>(s.getConditions()));
    return c;
  }
}
