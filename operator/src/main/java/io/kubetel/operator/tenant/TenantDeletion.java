package io.kubetel.operator.tenant;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.store.sql.Identifiers;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's finalizer: removes its viewer RoleBindings and honours its deletion policy. {@code
 * Retain} keeps the data; {@code Delete} drops the database unless another tenant uses it (a {@code
 * DatabaseShared} warning, nothing dropped). When the drop fails the finalizer stays and JOSDK
 * retries with the controller's backoff.
 */
record TenantDeletion(TenantStorage storage, EventRecorder events) {
  private static final Logger log = LoggerFactory.getLogger(TenantDeletion.class);

  DeleteControl delete(TelemetryTenant tenant, Context<TelemetryTenant> context) {
    String name = tenant.getMetadata().getName();
    String database = tenant.database();
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
    if (!dropsData(tenant) || !Identifiers.isValidDatabase(database)) {
      log.info("event=tenant_data_retained tenant={} database={}", name, database);
      return DeleteControl.defaultDelete();
    }
    boolean shared =
        context
            .getPrimaryCache()
            .list()
            .anyMatch(
                t -> !t.getMetadata().getName().equals(name) && database.equals(t.database()));
    if (shared) {
      events.warning(
          tenant,
          "DatabaseShared",
          "database " + database + " is used by another tenant; not dropping it");
      return DeleteControl.defaultDelete();
    }
    try {
      storage.dropDatabase(database);
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
              + ErrorText.describe(e)
              + "; "
              + retry.describe());
      throw e; // the finalizer stays; JOSDK retries the cleanup
    }
    log.info("event=tenant_database_dropped tenant={} database={}", name, database);
    return DeleteControl.defaultDelete();
  }

  private static boolean dropsData(TelemetryTenant tenant) {
    return tenant.getSpec() != null
        && tenant.getSpec().getDeletionPolicy() == DeletionPolicy.Delete;
  }
}
