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
import io.kubetel.operator.conditions.FailureText;
import io.kubetel.operator.conditions.FirstObservation;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.operator.tenant.identity.AccessControl;
import io.kubetel.operator.tenant.identity.CredentialsSecrets;
import io.kubetel.operator.validation.Revalidation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles a TelemetryTenant in named steps: check its spec (database, retention), resolve its
 * namespaces and settle conflicts with other tenants, grant its viewers read access there, claim
 * and provision its storage and apply retention, provision its own ClickHouse user (20.4+, {@link
 * TenantIdentity}), and report all of it as status conditions and Events. On deletion {@link
 * TenantDeletion} honours the deletion policy for the database it owns.
 *
 * <p>A spec that cannot be applied (no spec, a reserved or foreign database, a retention under the
 * minimum) stalls the tenant: {@code Stalled=True} and {@code Ready=False} with the reason and what
 * to change, and no retry until something changes.
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
  private final DatabaseNames databases;
  private final NamespaceSafety namespaceSafety;
  private final Optional<TenantIdentity> identity;

  /**
   * A reconciler that protects only {@code kube-*} namespaces and the fixed reserved databases
   * (plus {@code storage}'s own database).
   *
   * @param retentionInterval how often retention runs per tenant
   */
  public TelemetryTenantReconciler(
      TenantStorage storage, EventRecorder events, Duration retentionInterval, Clock clock) {
    this(
        storage,
        events,
        retentionInterval,
        clock,
        DatabaseNames.of(storage.systemDatabase(), Optional.empty()),
        NamespaceSafety.KUBE_ONLY,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A reconciler that also provisions each tenant's ClickHouse user where the server has SQL access
   * control (see {@link TenantIdentity}).
   *
   * @param retentionInterval how often retention runs per tenant
   * @param databases the reserved database names (kubetel's own, the shared ones)
   * @param namespaceSafety the namespaces selectors never claim
   * @param access the ClickHouse access control (empty: never provision users)
   * @param credentials the tenant credentials Secrets the API server reads
   */
  public TelemetryTenantReconciler(
      TenantStorage storage,
      EventRecorder events,
      Duration retentionInterval,
      Clock clock,
      DatabaseNames databases,
      NamespaceSafety namespaceSafety,
      Optional<AccessControl> access,
      Optional<CredentialsSecrets> credentials) {
    this.identity =
        access.isPresent() && credentials.isPresent()
            ? Optional.of(new TenantIdentity(access.get(), credentials.get()))
            : Optional.empty();
    this.storage = new StorageProvisioning(storage, retentionInterval);
    this.deletion = new TenantDeletion(storage, events, databases);
    this.events = events;
    this.clock = clock;
    this.databases = databases;
    this.namespaceSafety = namespaceSafety;
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
    if (tenant.getSpec() == null) {
      // Only an object stored before the schema required spec: nothing to reconcile.
      status.stalled(
          "SpecMissing",
          "the tenant has no spec: add spec.namespaces (or spec.namespaceSelector), or delete it");
      return update(tenant, status, null);
    }
    // Before anything slow (ClickHouse): a tenant without status would read as done (kstatus).
    FirstObservation.markIfNew(tenant, tenant.getStatus(), context, clock);
    // Every tenant (the peer informer's cache), also those another operator instance reconciles.
    List<TelemetryTenant> tenants = TenantEventSources.allTenants(context);
    Optional<DatabaseCheck.Choice> database =
        DatabaseCheck.accept(tenant, status, databases, tenants);
    if (database.isEmpty() || !RetentionPolicy.accept(tenant.getSpec().getRetention(), status)) {
      return update(tenant, status, null); // a spec error: reported, retried on the next edit
    }
    List<Namespace> namespaces = TenantEventSources.namespaces(context);
    NamespaceClaims.Result claims =
        NamespaceClaims.resolve(
            tenant,
            NamespaceResolver.resolve(tenant.getSpec(), namespaces, namespaceSafety),
            tenants,
            namespaces,
            namespaceSafety);
    status.resolvedNamespaces(claims.owned());
    Optional<String> viewerError = ViewerAccess.grant(tenant, claims.owned(), context);
    NextRetry retry = NextRetry.after(context);
    Optional<Duration> nextRetention =
        storage.provision(
            tenant,
            database.get(),
            status,
            now,
            name -> tenants.stream().anyMatch(t -> t.getMetadata().getName().equals(name)),
            retry);
    if (status.isStalled()) {
      return update(tenant, status, null); // the database is not this tenant's: wait for a change
    }
    boolean identityReady =
        nextRetention.isEmpty()
            || identity
                .map(i -> i.provision(tenant, database.get().database(), status, retry))
                .orElse(true);
    status.summariseReady(
        claims.conflicts(),
        viewerError.orElse(null),
        ViewerAccess.roleMissing(tenant, context).orElse(null),
        NamespaceResolver.missing(tenant.getSpec(), namespaces),
        claims.owned().size());
    if (viewerError.isPresent() || nextRetention.isEmpty() || !identityReady) {
      status.retrying();
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
              "reconcile failed: " + FailureText.unexpected(e) + "; " + retry.describe());
      status.retrying();
    }
    return publish(tenant, status)
        ? ErrorStatusUpdateControl.patchStatus(tenant)
        : ErrorStatusUpdateControl.noStatusUpdate();
  }

  @Override
  public DeleteControl cleanup(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    // The tenant's own ClickHouse user first: a failure keeps the finalizer (retried).
    identity.ifPresent(i -> i.remove(tenant));
    DeleteControl control = deletion.delete(tenant, context);
    storage.forget(tenant);
    return control;
  }

  private UpdateControl<TelemetryTenant> update(
      TelemetryTenant tenant, TenantStatusDraft status, Duration next) {
    return Revalidation.update(tenant, publish(tenant, status), next);
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
