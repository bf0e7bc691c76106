package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.ExponentialBackoff;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The reconciler's JOSDK callbacks without a server: an unexpected error becomes {@code
 * Ready=False} (written once, not on every retry), and the finalizer's deletion policy.
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

  /** A first reconciliation (no retries yet) of a controller retrying with the default backoff. */
  static Context<TelemetryTenant> context(List<TelemetryTenant> tenants) {
    return stub(
        Context.class,
        Map.of(
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
    TelemetryTenantReconciler reconciler = reconciler(new TenantStepsTest.ScriptedStorage());

    ErrorStatusUpdateControl<TelemetryTenant> first =
        reconciler.updateErrorStatus(t, context(List.of(t)), new IllegalStateException("boom"));
    assertThat(first.getResource()).isPresent();
    assertThat(first.isNoRetry()).isFalse();
    Condition ready = ConditionSet.find(t.getStatus().getConditions(), "Ready").orElseThrow();
    assertThat(ready.getStatus().name()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("ReconcileFailed");
    assertThat(ready.getMessage()).isEqualTo("reconcile failed: boom; retrying in 5s (attempt 1)");

    // The same failure again changes nothing: no status write, JOSDK still retries.
    ErrorStatusUpdateControl<TelemetryTenant> again =
        reconciler.updateErrorStatus(t, context(List.of(t)), new IllegalStateException("boom"));
    assertThat(again.getResource()).isEmpty();
    assertThat(again.isNoRetry()).isFalse();
  }

  @Test
  void deletePolicyDropsTheDatabaseUnlessAnotherTenantUsesIt() {
    TelemetryTenant gone = TenantStepsTest.tenant("gone", "kt_shared");
    gone.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    TelemetryTenant other = TenantStepsTest.tenant("other", "kt_shared");
    TenantStepsTest.ScriptedStorage storage = new TenantStepsTest.ScriptedStorage();

    DeleteControl shared = reconciler(storage).cleanup(gone, context(List.of(gone, other)));
    assertThat(shared.isRemoveFinalizer()).isTrue();
    assertThat(storage.calls).isEmpty();

    DeleteControl alone = reconciler(storage).cleanup(gone, context(List.of(gone)));
    assertThat(alone.isRemoveFinalizer()).isTrue();
    assertThat(storage.calls).containsExactly("drop kt_shared");
  }

  @Test
  void retainPolicyKeepsTheData() {
    TelemetryTenant kept = TenantStepsTest.tenant("kept", "kt_kept");
    TenantStepsTest.ScriptedStorage storage = new TenantStepsTest.ScriptedStorage();
    assertThat(reconciler(storage).cleanup(kept, context(List.of(kept))).isRemoveFinalizer())
        .isTrue();
    assertThat(storage.calls).isEmpty();
  }
}
