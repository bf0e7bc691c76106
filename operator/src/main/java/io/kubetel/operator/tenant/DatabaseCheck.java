package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.store.sql.Identifiers;

/**
 * The first step of a tenant reconciliation: is the tenant's database one the operator may use? A
 * name that is not a valid ClickHouse identifier, or a database other than the one already holding
 * the tenant's data, is a user error: it is reported on the status and nothing else is done (no
 * retry either: only a spec change can fix it).
 */
final class DatabaseCheck {

  private DatabaseCheck() {}

  /**
   * Records the tenant's database in {@code status} and returns true when it may be used; otherwise
   * sets the conditions saying why not and returns false.
   */
  static boolean accept(TelemetryTenant tenant, TenantStatusDraft status) {
    String database = tenant.database();
    if (!Identifiers.isValidDatabase(database)) {
      String message =
          "database name \""
              + database
              + "\" derived from the tenant name is not a valid ClickHouse identifier (at most 63"
              + " letters, digits or '_'); set spec.database";
      status.conditions().set(ConditionTypes.STORAGE_READY, false, "InvalidDatabaseName", message);
      status.conditions().set(ConditionTypes.READY, false, "InvalidDatabaseName", message);
      return false;
    }
    String holding = status.before().getDatabase();
    if (holding != null && !holding.equals(database)) {
      // The tenant's data lives in the database it had; silently switching would strand it.
      String message =
          "the tenant's data is in database "
              + holding
              + "; it cannot move to "
              + database
              + ": restore spec.database or create a new tenant";
      status.conditions().set(ConditionTypes.READY, false, "DatabaseChangeRefused", message);
      return false;
    }
    status.database(database);
    return true;
  }
}
