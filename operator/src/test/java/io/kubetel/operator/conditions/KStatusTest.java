package io.kubetel.operator.conditions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleStatus;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.dashboard.DashboardStatus;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.operator.conditions.KStatusRules.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KStatus} derives Reconciling and Stalled from what a reconciliation set, and what it
 * writes reads as kstatus's Current, InProgress and Failed ({@link KStatusRules}).
 */
class KStatusTest {

  static final Clock T1 = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

  static ConditionSet fresh() {
    return ConditionSet.from(null, 1L, T1);
  }

  static List<String> types(ConditionSet c) {
    return c.toList().stream().map(x -> x.getType() + "=" + x.getStatus()).toList();
  }

  /** A dashboard at generation {@code generation} whose status holds {@code conditions}. */
  static Dashboard dashboard(long generation, long observed, List<Condition> conditions) {
    Dashboard d = new Dashboard();
    d.getMetadata().setName("d");
    d.getMetadata().setGeneration(generation);
    DashboardStatus s = new DashboardStatus();
    s.setObservedGeneration(observed);
    s.setConditions(conditions);
    d.setStatus(s);
    return d;
  }

  static Status verdict(ConditionSet c) {
    return KStatusRules.compute(dashboard(1, 1, c.toList())).status();
  }

  @Test
  void readyHasNeitherReconcilingNorStalledAndIsCurrent() {
    ConditionSet c = KStatus.settle(fresh().set("Ready", true, "Ready", "ok"));
    assertThat(types(c)).containsExactly("Ready=True");
    assertThat(verdict(c)).isEqualTo(Status.Current);
  }

  @Test
  void notReadyIsReconcilingWithReadysReasonAndInProgress() {
    ConditionSet c =
        KStatus.settle(fresh().set("Ready", false, "StorageUnavailable", "retrying in 5s"));
    assertThat(types(c)).containsExactly("Ready=False", "Reconciling=True");
    Condition reconciling = c.get("Reconciling").orElseThrow();
    assertThat(reconciling.getReason()).isEqualTo("StorageUnavailable");
    assertThat(reconciling.getMessage()).isEqualTo("retrying in 5s");
    assertThat(reconciling.getObservedGeneration()).isEqualTo(1L);
    assertThat(verdict(c)).isEqualTo(Status.InProgress);
  }

  @Test
  void stalledIsNotReadyNotReconcilingAndFailed() {
    ConditionSet c = KStatus.settle(KStatus.stalled(fresh(), "InvalidDatabaseName", "set it"));
    assertThat(types(c)).containsExactlyInAnyOrder("Ready=False", "Stalled=True");
    assertThat(c.get("Ready").orElseThrow().getReason()).isEqualTo("InvalidDatabaseName");
    assertThat(verdict(c)).isEqualTo(Status.Failed);
  }

  @Test
  void stalledSetDirectlyWinsOverReadyAndReconciling() {
    // As a step may do it: Stalled through the ConditionSet, Ready left as it was.
    ConditionSet c =
        fresh()
            .set("Ready", true, "Ready", "ok")
            .set("Reconciling", true, "Old", "old")
            .set("Stalled", true, "DatabaseOwnedElsewhere", "another tenant owns it");
    KStatus.settle(c);
    assertThat(types(c)).containsExactlyInAnyOrder("Ready=False", "Stalled=True");
    assertThat(c.get("Ready").orElseThrow().getReason()).isEqualTo("DatabaseOwnedElsewhere");
  }

  @Test
  void stalledAsReadyTakesReadysReasonAndMessage() {
    ConditionSet c = fresh().set("Ready", false, "DatabaseChangeRefused", "restore it");
    KStatus.settle(KStatus.stalledAsReady(c));
    Condition stalled = c.get("Stalled").orElseThrow();
    assertThat(stalled.getReason()).isEqualTo("DatabaseChangeRefused");
    assertThat(stalled.getMessage()).isEqualTo("restore it");
  }

  @Test
  void aStalledLeftByAnEarlierReconciliationGoesOnceTheProblemIsGone() {
    List<Condition> earlier =
        KStatus.settle(KStatus.stalled(fresh(), "NamespaceConflict", "x")).toList();
    ConditionSet now = ConditionSet.from(earlier, 2L, T1).set("Ready", true, "Ready", "ok");
    KStatus.settle(now);
    assertThat(types(now)).containsExactly("Ready=True");
    ConditionSet retrying = ConditionSet.from(earlier, 2L, T1).set("Ready", false, "Slow", "y");
    KStatus.settle(retrying);
    assertThat(types(retrying)).containsExactly("Ready=False", "Reconciling=True");
  }

  @Test
  void settlingTwiceChangesNothing() {
    ConditionSet c = fresh().set("Ready", false, "CatalogUnavailable", "later");
    List<Condition> once = KStatus.settle(c).toList();
    assertThat(KStatus.settle(c).toList()).usingRecursiveComparison().isEqualTo(once);
  }

  @Test
  void aSpecChangeNotYetObservedIsInProgressWhateverTheConditions() {
    List<Condition> ready = KStatus.settle(fresh().set("Ready", true, "Ready", "ok")).toList();
    KStatusRules.Result r = KStatusRules.compute(dashboard(2, 1, ready));
    assertThat(r.status()).isEqualTo(Status.InProgress);
    assertThat(r.message()).contains("generation is 2", "observed generation is 1");
  }

  @Test
  void withoutConditionsOrGenerationKstatusSaysCurrentOrTerminating() {
    Dashboard bare = new Dashboard();
    bare.getMetadata().setName("bare");
    assertThat(KStatusRules.compute(bare).status()).isEqualTo(Status.Current);
    bare.getMetadata().setDeletionTimestamp("2026-11-25T10:00:00Z");
    assertThat(KStatusRules.compute(bare).status()).isEqualTo(Status.Terminating);
  }

  /** Each kind at generation 2 whose status holds {@code conditions}, observed at {@code obs}. */
  static List<HasMetadata> everyKind(long observed, List<Condition> conditions) {
    TelemetryTenant tenant = new TelemetryTenant();
    tenant.getMetadata().setName("t");
    tenant.getMetadata().setGeneration(2L);
    TelemetryTenantStatus ts = new TelemetryTenantStatus();
    ts.setObservedGeneration(observed);
    ts.setConditions(conditions);
    tenant.setStatus(ts);
    AlertRule rule = new AlertRule();
    rule.getMetadata().setName("r");
    rule.getMetadata().setGeneration(2L);
    AlertRuleStatus rs = new AlertRuleStatus();
    rs.setObservedGeneration(observed);
    rs.setConditions(conditions);
    rule.setStatus(rs);
    return List.of(tenant, rule, dashboard(2, observed, conditions));
  }

  @Test
  void everyKindIsInProgressWhileReconcilingOrNotYetObservedAndFailedWhenStalled() {
    // What the operator writes before an object's first reconciliation has finished.
    List<Condition> reconciling =
        fresh().set("Reconciling", true, "FirstReconcile", "first reconciliation").toList();
    List<Condition> ready = KStatus.settle(fresh().set("Ready", true, "Ready", "ok")).toList();
    List<Condition> stalled =
        KStatus.settle(KStatus.stalled(fresh(), "DatabaseReserved", "change it")).toList();
    for (HasMetadata o : everyKind(2, reconciling)) {
      assertThat(KStatusRules.compute(o).status()).as(o.getKind()).isEqualTo(Status.InProgress);
    }
    for (HasMetadata o : everyKind(1, ready)) {
      assertThat(KStatusRules.compute(o).status()).as(o.getKind()).isEqualTo(Status.InProgress);
    }
    for (HasMetadata o : everyKind(2, ready)) {
      assertThat(KStatusRules.compute(o).status()).as(o.getKind()).isEqualTo(Status.Current);
    }
    for (HasMetadata o : everyKind(2, stalled)) {
      assertThat(KStatusRules.compute(o).status()).as(o.getKind()).isEqualTo(Status.Failed);
    }
  }
}
