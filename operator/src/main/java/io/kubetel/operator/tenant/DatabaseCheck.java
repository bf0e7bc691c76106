package io.kubetel.operator.tenant;

import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.store.sql.Identifiers;
import java.util.Collection;
import java.util.Optional;

/**
 * The first step of a tenant reconciliation, before anything is touched: which database is the
 * tenant's, and may it be? The database is the one recorded in the tenant's status (whatever
 * derivation or spec gave it), else {@code spec.database}, else a new {@link DatabaseNames#derive
 * derived} name. Refused, as {@code Stalled} with a message saying what to change and without a
 * retry: a spec that moves the tenant away from its recorded database, an invalid name, a reserved
 * database ({@link DatabaseNames}), adoption without a named database, and a database another
 * tenant's status records. Whether ClickHouse's ownership records agree is checked when storage is
 * reached ({@link DatabaseClaim}).
 */
final class DatabaseCheck {

  /** The database a tenant uses and whether it adopts it rather than owning it. */
  record Choice(String database, boolean adopt) {}

  private DatabaseCheck() {}

  /**
   * The tenant's database, or empty when the tenant is refused (then {@code status} is stalled with
   * the reason).
   *
   * @param peers every tenant the operator knows (the tenant itself may be among them)
   */
  static Optional<Choice> accept(
      TelemetryTenant tenant,
      TenantStatusDraft status,
      DatabaseNames names,
      Collection<TelemetryTenant> peers) {
    String name = tenant.getMetadata().getName();
    TelemetryTenantSpec spec = tenant.getSpec();
    String recorded = status.before().getDatabase();
    String specified =
        spec.getDatabase() == null || spec.getDatabase().isBlank() ? null : spec.getDatabase();
    boolean adopt = spec.adopts();
    if (recorded != null && specified != null && !specified.equals(recorded)) {
      // The tenant's data lives in the database it had; silently switching would strand it.
      status.stalled(
          "DatabaseChangeRefused",
          "the tenant's data is in database "
              + recorded
              + "; it cannot move to "
              + specified
              + ": set spec.database back to "
              + recorded
              + " (or remove it if the tenant was created without), or create a new tenant for "
              + specified);
      return Optional.empty();
    }
    String database =
        recorded != null ? recorded : specified != null ? specified : DatabaseNames.derive(name);
    if (!Identifiers.isValidDatabase(database)) {
      status.stalled(
          "InvalidDatabaseName",
          "database name \""
              + database
              + "\" is not a valid ClickHouse identifier (at most 63 letters, digits or '_');"
              + " create the tenant again with a valid spec.database");
      return Optional.empty();
    }
    Optional<DatabaseNames.Reservation> reserved = names.reservation(database);
    if (reserved.isPresent() && (reserved.get() == DatabaseNames.Reservation.SYSTEM || !adopt)) {
      status.stalled(
          "DatabaseReserved",
          names.why(database)
              + (reserved.get() == DatabaseNames.Reservation.SYSTEM
                  ? "; no tenant can use it: create the tenant again with another spec.database"
                  : "; to read what a collector writes there set spec.adoptExistingDatabase: true"
                      + " (kubetel then manages its retention but never drops it)"));
      return Optional.empty();
    }
    if (adopt && specified == null && recorded == null) {
      status.stalled(
          "DatabaseNotNamed",
          "spec.adoptExistingDatabase needs spec.database: create the tenant again naming the"
              + " database to adopt");
      return Optional.empty();
    }
    Optional<TelemetryTenant> holder =
        peers.stream()
            .filter(t -> !t.getMetadata().getName().equals(name))
            .filter(t -> t.getStatus() != null && database.equals(t.getStatus().getDatabase()))
            // Tenants of the previous release could share a database: the oldest one keeps it.
            .filter(t -> !database.equals(recorded) || NamespaceClaims.AGE.compare(t, tenant) < 0)
            .min(NamespaceClaims.AGE);
    if (holder.isPresent()) {
      status.stalled(
          "DatabaseOwnedByAnotherTenant",
          "database "
              + database
              + " belongs to tenant "
              + holder.get().getMetadata().getName()
              + "; a tenant cannot use or adopt another tenant's database: create this tenant"
              + " again with its own spec.database (or none)");
      return Optional.empty();
    }
    return Optional.of(new Choice(database, adopt));
  }
}
