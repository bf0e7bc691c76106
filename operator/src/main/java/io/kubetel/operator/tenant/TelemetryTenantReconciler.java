package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.operator.retry.NextRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a TelemetryTenant in named steps: check its database, resolve its namespaces and
 * settle conflicts with other tenants, grant its viewers read access there, provision its storage
 * and apply retention, and report all of it as status conditions and Events. On deletion {@link
 * TenantDeletion} honours the deletion policy.
 *
 * <p>Failures never go silent and never lose data: a step that fails records why on the status, the
 * reconciliation then throws {@link TenantNotReadyException}, JOSDK's error handling ({@link
 * #updateErrorStatus}) writes that status and JOSDK retries with {@link ExponentialBackoff}.
 */
@ControllerConfiguration(name = TelemetryTenantReconciler.NAME, retry = ExponentialBackoff.class)
// Explicit: the bindings need the owned namespaces, which the reconciliation works out first.
@Workflow(
    explicitInvocation = true,
    handleExceptionsInReconciler = true,
    dependents = @Dependent(type = ViewerBindings.class))
public class TelemetryTenantReconciler
    implements Reconciler<TelemetryTenant>, Cleaner<TelemetryTenant> {
  private static final Logger log = LoggerFactory.getLogger(TelemetryTenantReconciler.class);

  public static final String NAME = "telemetrytenant";

  private final StorageProvisioning storage;
  private final TenantDeletion deletion;
  private final EventRecorder events;
  private final Clock clock;

  /**
   * @param retentionInterval how often retention runs per tenant
   */
  public TelemetryTenantReconciler(
      TenantStorage storage, EventRecorder events, Duration retentionInterval, Clock clock) {
    this.storage = new StorageProvisioning(storage, retentionInterval);
    this.deletion = new TenantDeletion(storage, events);
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, TelemetryTenant>> prepareEventSources(
      EventSourceContext<TelemetryTenant> context) {
    return TenantEventSources.create(context);
  }

  @Override
  public UpdateControl<TelemetryTenant> reconcile(
      TelemetryTenant tenant, Context<TelemetryTenant> context) {
    Instant now = clock.instant();
    TenantStatusDraft status = TenantStatusDraft.start(tenant, clock);
    if (!DatabaseCheck.accept(tenant, status)) {
      return update(tenant, status, null); // a spec error: reported, retried on the next edit
    }
    List<Namespace> namespaces = TenantEventSources.namespaces(context);
    NamespaceClaims.Result claims =
        NamespaceClaims.resolve(
            tenant,
            NamespaceResolver.resolve(tenant.getSpec(), namespaces),
            TenantEventSources.allTenants(context),
            namespaces);
    status.resolvedNamespaces(claims.owned());
    Optional<String> viewerError = ViewerAccess.grant(tenant, claims.owned(), context);
    Optional<Duration> nextRetention =
        storage.provision(tenant, status, now, NextRetry.after(context));
    status.summariseReady(
        claims.conflicts(),
        viewerError.orElse(null),
        NamespaceResolver.missing(tenant.getSpec(), namespaces),
        claims.owned().size());
    if (viewerError.isPresent() || nextRetention.isEmpty()) {
      throw new TenantNotReadyException(status);
    }
    return update(tenant, status, nextRetention.get());
  }

  /**
   * Writes the status of a failed reconciliation; JOSDK then retries with the controller's backoff.
   * A failure the steps recorded carries its status; anything unexpected becomes {@code
   * Ready=False}, reason {@code ReconcileFailed}.
   */
  @Override
  public ErrorStatusUpdateControl<TelemetryTenant> updateErrorStatus(
      TelemetryTenant tenant, Context<TelemetryTenant> context, Exception e) {
    TenantStatusDraft status;
    if (e instanceof TenantNotReadyException notReady) {
      status = notReady.status();
    } else {
      NextRetry retry = NextRetry.after(context);
      log.warn(
          "event=tenant_reconcile_failed tenant={} attempt={} error={}",
          tenant.getMetadata().getName(),
          retry.attempt(),
          ErrorText.describe(e));
      status = TenantStatusDraft.start(tenant, clock);
      status
          .conditions()
          .set(
              ConditionTypes.READY,
              false,
              "ReconcileFailed",
              "reconcile failed: " + ErrorText.describe(e) + "; " + retry.describe());
    }
    return publish(tenant, status)
        ? ErrorStatusUpdateControl.patchStatus(tenant)
        : ErrorStatusUpdateControl.noStatusUpdate();
  }

  @Override
  public DeleteControl cleanup(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    return deletion.delete(tenant, context);
  }

  private UpdateControl<TelemetryTenant> update(
      TelemetryTenant tenant, TenantStatusDraft status, Duration next) {
    UpdateControl<TelemetryTenant> control =
        publish(tenant, status) ? UpdateControl.patchStatus(tenant) : UpdateControl.noUpdate();
    return next == null ? control : control.rescheduleAfter(next);
  }

  /**
   * Announces each condition that changed status as an Event and puts the finished status on the
   * tenant.
   *
   * @return whether the status changed (and so has to be written)
   */
  private boolean publish(TelemetryTenant tenant, TenantStatusDraft status) {
    status.transitions().forEach(c -> events.announce(tenant, c));
    if (!status.changed()) {
      return false;
    }
    tenant.setStatus(status.build());
    return true;
  }
}
