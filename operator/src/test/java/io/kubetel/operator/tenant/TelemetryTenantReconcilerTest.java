package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.dependent.managed.ManagedWorkflowAndDependentResourceContext;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowCleanupResult;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantStatus;
import io.kubetel.crds.tenant.TenantClickHouseStatus;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwner.Mode;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's JOSDK callbacks without a server: an unexpected error becomes {@code
 * Ready=False} (written once, not on every retry, without its raw message), and the finalizer's
 * deletion policy: only a database recorded in status and created for the tenant is dropped.
 */
class TelemetryTenantReconcilerTest {

  /** Events go nowhere: recording one never fails a reconcile. */
  static final EventRecorder NO_EVENTS = new EventRecorder(null, TenantStepsTest.CLOCK);

  /** An implementation of {@code type} answering the named methods; others are unsupported. */
  @SuppressWarnings("unchecked")
  static <T> T stub(Class<T> type, Map<String, Object> answers) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              Object answer = answers.get(method.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answer instanceof Supplier<?> s ? s.get() : answer;
            });
  }

  /**
   * A first reconciliation (no retries yet) of a controller retrying with the default backoff, in a
   * cluster holding {@code tenants}: in its cache and on the API server (what the finalizer reads
   * before a drop).
   */
  static Context<TelemetryTenant> context(List<TelemetryTenant> tenants) {
    return stub(
        Context.class,
        Map.of(
            "getClient",
                stub(
                    KubernetesClient.class,
                    Map.of(
                        "resources",
                        stub(
                            MixedOperation.class,
                            Map.of(
                                "list",
                                stub(KubernetesResourceList.class, Map.of("getItems", tenants)))))),
            "getRetryInfo", Optional.empty(),
            "getControllerConfiguration",
                stub(ControllerConfiguration.class, Map.of("getRetry", new ExponentialBackoff())),
            "getPrimaryCache",
                stub(
                    IndexedResourceCache.class,
                    Map.of("list", (Supplier<Object>) () -> tenants.stream())),
            "managedWorkflowAndDependentResourceContext",
                stub(
                    ManagedWorkflowAndDependentResourceContext.class,
                    Map.of("cleanupManageWorkflow", WorkflowCleanupResult.EMPTY))));
  }

  static TelemetryTenantReconciler reconciler(TenantStorage storage) {
    return new TelemetryTenantReconciler(
        storage, NO_EVENTS, Duration.ofHours(1), TenantStepsTest.CLOCK);
  }

  @Test
  void anUnexpectedErrorBecomesReadyFalseWrittenOnce() {
    TelemetryTenant t = TenantStepsTest.tenant("shop", "kt_shop");
    TelemetryTenantReconciler reconciler = reconciler(new ScriptedStorage());

    ErrorStatusUpdateControl<TelemetryTenant> first =
        reconciler.updateErrorStatus(t, context(List.of(t)), new IllegalStateException("boom"));
    assertThat(first.getResource()).isPresent();
    assertThat(first.isNoRetry()).isFalse();
    Condition ready = ConditionSet.find(t.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getStatus().name()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage())
        .isEqualTo(
            "reconcile failed: an unexpected error (IllegalStateException; the operator's log has"
                + " the details); retrying in 5s (attempt 1)");

    // The same failure again changes nothing: no status write, JOSDK still retries.
    ErrorStatusUpdateControl<TelemetryTenant> again =
        reconciler.updateErrorStatus(t, context(List.of(t)), new IllegalStateException("boom"));
    assertThat(again.getResource()).isEmpty();
    assertThat(again.isNoRetry()).isFalse();
  }

  /** A tenant as provisioned: its status names {@code database}. */
  static TelemetryTenant provisioned(String name, String database, DeletionPolicy policy) {
    TelemetryTenant t = TenantStepsTest.tenant(name, null);
    t.getSpec().setDeletionPolicy(policy);
    t.setStatus(new TelemetryTenantStatus());
    t.getStatus().setDatabase(database);
    return t;
  }

  @Test
  void deletePolicyDropsOnlyARecordedDatabaseCreatedForTheTenant() {
    TelemetryTenant gone = provisioned("gone", "kt_gone", DeletionPolicy.Delete);
    // The spec points elsewhere (an edit the schema forbids): the status decides.
    gone.getSpec().setDatabase("kt_victim");
    ScriptedStorage storage = new ScriptedStorage();
    storage.owners.put(
        "kt_gone", new DatabaseOwner("kt_gone", "gone", "uid-gone", Mode.CREATED, null));

    DeleteControl control = reconciler(storage).cleanup(gone, context(List.of(gone)));
    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(storage.calls).containsExactly("owner kt_gone", "drop kt_gone", "release kt_gone");
  }

  @Test
  void deletePolicyKeepsWhatTheTenantDoesNotOwn() {
    ScriptedStorage storage = new ScriptedStorage();
    storage.owners.put(
        "kt_adopted", new DatabaseOwner("kt_adopted", "ad", "uid-ad", Mode.ADOPTED, null));
    storage.owners.put(
        "kt_theirs", new DatabaseOwner("kt_theirs", "billing", "uid-b", Mode.CREATED, null));
    TelemetryTenant adopted = provisioned("ad", "kt_adopted", DeletionPolicy.Delete);
    TelemetryTenant thief = provisioned("thief", "kt_theirs", DeletionPolicy.Delete);
    TelemetryTenant unrecorded = provisioned("old", "kt_unrecorded", DeletionPolicy.Delete);
    TelemetryTenant reserved = provisioned("res", "otel", DeletionPolicy.Delete);
    TelemetryTenant never = provisioned("never", null, DeletionPolicy.Delete);
    TelemetryTenant flagged = provisioned("flagged", "kt_flagged", DeletionPolicy.Delete);
    flagged.getSpec().setAdoptExistingDatabase(true);
    for (TelemetryTenant t : List.of(adopted, thief, unrecorded, reserved, never, flagged)) {
      assertThat(reconciler(storage).cleanup(t, context(List.of(t))).isRemoveFinalizer()).isTrue();
    }
    assertThat(storage.calls).noneMatch(c -> c.startsWith("drop") || c.startsWith("release"));
    assertThat(storage.calls).doesNotContain("owner otel", "owner kt_flagged");
  }

  @Test
  void deletePolicyKeepsADatabaseAnotherTenantsStatusNames() {
    TelemetryTenant gone = provisioned("gone", "kt_shared", DeletionPolicy.Delete);
    TelemetryTenant other = provisioned("other", "kt_shared", DeletionPolicy.Retain);
    ScriptedStorage storage = new ScriptedStorage();
    storage.owners.put(
        "kt_shared", new DatabaseOwner("kt_shared", "gone", "uid-gone", Mode.CREATED, null));
    assertThat(reconciler(storage).cleanup(gone, context(List.of(gone, other))).isRemoveFinalizer())
        .isTrue();
    assertThat(storage.calls).isEmpty();
  }

  @Test
  void retainPolicyKeepsTheData() {
    TelemetryTenant kept = provisioned("kept", "kt_kept", DeletionPolicy.Retain);
    ScriptedStorage storage = new ScriptedStorage();
    assertThat(reconciler(storage).cleanup(kept, context(List.of(kept))).isRemoveFinalizer())
        .isTrue();
    assertThat(storage.calls).isEmpty();
  }

  @Test
  void deletionDropsTheClickHouseUserTheOperatorRecordedAndKeepsTheFinalizerWhenThatFails() {
    TenantIdentityTest.FakeAccess access = new TenantIdentityTest.FakeAccess();
    TenantIdentityTest.FakeSecrets secrets = new TenantIdentityTest.FakeSecrets();
    secrets.secrets.put(
        "kubetel-tenant-kept",
        new TenantIdentityTest.FakeSecrets.Stored("kt_kept_reader", "x".repeat(43), "kept", "u"));
    TelemetryTenantReconciler reconciler =
        new TelemetryTenantReconciler(
            new ScriptedStorage(),
            NO_EVENTS,
            Duration.ofHours(1),
            TenantStepsTest.CLOCK,
            TenantStepsTest.NAMES,
            NamespaceSafety.KUBE_ONLY,
            Optional.of(access),
            Optional.of(secrets));
    TelemetryTenant admins = provisioned("admins", "kt_admins", DeletionPolicy.Retain);
    assertThat(reconciler.cleanup(admins, context(List.of(admins))).isRemoveFinalizer()).isTrue();
    assertThat(access.statements).isEmpty(); // no user recorded: an administrator's, if any

    TelemetryTenant kept = provisioned("kept", "kt_kept", DeletionPolicy.Retain);
    TenantClickHouseStatus identity = new TenantClickHouseStatus();
    identity.setUser("kt_kept_reader");
    identity.setCredentialsSecret("kubetel-tenant-kept");
    kept.getStatus().setClickhouse(identity);
    access.failure = new StoreUnavailableException("down", null);
    assertThatThrownBy(() -> reconciler.cleanup(kept, context(List.of(kept))))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(secrets.secrets).containsKey("kubetel-tenant-kept");

    access.failure = null;
    assertThat(reconciler.cleanup(kept, context(List.of(kept))).isRemoveFinalizer()).isTrue();
    assertThat(access.statements)
        .containsExactly(
            "DROP USER IF EXISTS `kt_kept_reader`",
            "DROP SETTINGS PROFILE IF EXISTS `kt_kept_profile`");
    assertThat(secrets.secrets).isEmpty();
  }
}
