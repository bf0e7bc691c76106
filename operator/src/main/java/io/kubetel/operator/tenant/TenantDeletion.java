package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.sql.Identifiers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's finalizer: removes its viewer RoleBindings and honours its deletion policy for the
 * database its status records (what it was provisioned with, never what the spec says now). {@code
 * Retain} keeps the data. {@code Delete} drops the database only when kubetel's ownership record
 * says kubetel created it for this tenant, and then releases the record; an adopted, reserved or
 * unrecorded database, or one another tenant's status names (read from the API server at that
 * moment, never from a cache that may lag or hold only this instance's tenants), is kept with a
 * {@code DatabaseRetained} or {@code DatabaseShared} warning. When storage or that read fails the
 * finalizer stays and JOSDK retries with the controller's backoff.
 */
record TenantDeletion(TenantStorage storage, EventRecorder events, DatabaseNames names) {
  private static final Logger log = LoggerFactory.getLogger(TenantDeletion.class);

  DeleteControl delete(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    String name = tenant.getMetadata().getName();
    String database = tenant.getStatus() == null ? null : tenant.getStatus().getDatabase();
    // The viewer bindings (owner references let Kubernetes collect them too; this is at once).
    Optional<Exception> bindingsLeft =
        context
            .managedWorkflowAndDependentResourceContext()
            .cleanupManageWorkflow()
            .getErroredDependents()
            .values()
            .stream()
            .findFirst();
    if (bindingsLeft.isPresent()) {
      Exception e = bindingsLeft.get();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    if (database == null || !Identifiers.isValidDatabase(database)) {
      log.info("event=tenant_deleted tenant={} database=none", name);
      return DeleteControl.defaultDelete();
    }
    if (tenant.getSpec() == null || tenant.getSpec().getDeletionPolicy() != DeletionPolicy.Delete) {
      log.info("event=tenant_data_retained tenant={} database={}", name, database);
      return DeleteControl.defaultDelete();
    }
    if (tenant.getSpec().adopts() || names.reservation(database).isPresent()) {
      return retained(tenant, database, "it was adopted or is reserved: kubetel never drops it");
    }
    // Read from the API server, not a cache: a cache may lag, and this controller's holds only the
    // tenants of its scope (instance label), not another instance's that may share the database.
    Optional<String> holder;
    try {
      holder = holderOtherThan(name, database, context);
    } catch (KubernetesClientException e) {
      NextRetry retry = NextRetry.after(context);
      log.warn(
          "event=tenant_drop_deferred tenant={} database={} attempt={} error={}",
          name,
          database,
          retry.attempt(),
          ErrorText.describe(e));
      events.warning(
          tenant,
          "DeletionDeferred",
          "cannot check whether another tenant uses database "
              + database
              + " before dropping it: "
              + FailureText.kubernetes(e)
              + "; "
              + retry.describe());
      throw e; // the finalizer stays; nothing is dropped without the check
    }
    if (holder.isPresent()) {
      events.warning(
          tenant,
          "DatabaseShared",
          "database " + database + " is used by tenant " + holder.get() + " too; not dropping it");
      log.info(
          "event=tenant_data_retained tenant={} database={} reason=shared holder={}",
          name,
          database,
          holder.get());
      return DeleteControl.defaultDelete();
    }
    try {
      Optional<DatabaseOwner> owner = storage.owner(database);
      if (owner.isEmpty() && !storage.databaseExists(database)) {
        // Already gone (a repeated cleanup after the drop): nothing to keep or drop.
        log.info("event=tenant_deleted tenant={} database={} state=absent", name, database);
        return DeleteControl.defaultDelete();
      }
      if (owner.isEmpty()
          || !owner.get().ownedBy(name)
          || owner.get().mode() != DatabaseOwner.Mode.CREATED) {
        return retained(
            tenant,
            database,
            owner
                .map(
                    o ->
                        o.ownedBy(name)
                            ? "this tenant adopted it: kubetel never drops it"
                            : "kubetel created it for tenant " + o.tenant() + ", not this one")
                .orElse("kubetel has no record of creating it for this tenant"));
      }
      storage.dropDatabase(database);
      log.info("event=tenant_database_dropped tenant={} database={}", name, database);
      storage.releaseOwner(owner.get());
    } catch (RuntimeException e) {
      NextRetry retry = NextRetry.after(context);
      log.warn(
          "event=tenant_drop_failed tenant={} database={} attempt={} error={}",
          name,
          database,
          retry.attempt(),
          ErrorText.describe(e));
      events.warning(
          tenant,
          "StorageUnavailable",
          "cannot drop database "
              + database
              + ": "
              + FailureText.storage(e)
              + "; "
              + retry.describe());
      throw e; // the finalizer stays; JOSDK retries the cleanup
    }
    return DeleteControl.defaultDelete();
  }

  /**
   * Another tenant whose status names {@code database} (it holds it; one that only asks for it in
   * its spec was refused and holds nothing), from the API server.
   */
  private static Optional<String> holderOtherThan(
      String name, String database, Context<TelemetryTenant> context) {
    return context.getClient().resources(TelemetryTenant.class).list().getItems().stream()
        .filter(t -> !t.getMetadata().getName().equals(name))
        .filter(t -> t.getStatus() != null && database.equals(t.getStatus().getDatabase()))
        .map(t -> t.getMetadata().getName())
        .sorted()
        .findFirst();
  }

  /** Keeps {@code database} although the policy is Delete, saying why. */
  private DeleteControl retained(TelemetryTenant tenant, String database, String why) {
    events.warning(tenant, "DatabaseRetained", "database " + database + " is not dropped: " + why);
    log.info(
        "event=tenant_data_retained tenant={} database={} reason=not_owned",
        tenant.getMetadata().getName(),
        database);
    return DeleteControl.defaultDelete();
  }
}
