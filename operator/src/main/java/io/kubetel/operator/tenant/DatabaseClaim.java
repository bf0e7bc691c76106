package io.kubetel.operator.tenant;

import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwner.Mode;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Whose database is it? Decided from the ownership record in kubetel's own database, once storage
 * is reached, before the operator creates or touches anything in it:
 *
 * <ul>
 *   <li>a record names this tenant: its database (a tenant re-created under the same name after
 *       deletion policy Retain takes its data up again);
 *   <li>a record names another tenant that exists: refused, adopting included;
 *   <li>a record names a tenant that no longer exists (its data was retained): only adoption takes
 *       it over;
 *   <li>no record and {@code adoptExistingDatabase}: adopted (never dropped);
 *   <li>no record, but the tenant's status names the database: the previous release provisioned it
 *       for this tenant, recognised as created;
 *   <li>no record and the database exists: someone else's (a collector's), refused unless adopted;
 *   <li>no record, no database: created for this tenant, recorded before it is created.
 * </ul>
 */
final class DatabaseClaim {

  /** What the claim decided. */
  sealed interface Decision permits Use, Refuse {}

  /**
   * The tenant uses the database as {@code mode}; {@code record} says whether a new ownership
   * record must be written first; {@code recognised} marks a database of the previous release.
   */
  record Use(Mode mode, boolean record, boolean recognised) implements Decision {}

  /** The tenant may not use the database: stall with this reason and message. */
  record Refuse(String reason, String message) implements Decision {}

  private DatabaseClaim() {}

  /**
   * Decides the claim of {@code tenant} on {@code choice}.
   *
   * @param uid the tenant's uid
   * @param recordedInStatus whether the tenant's status already names the database
   * @param record the database's ownership record
   * @param exists whether the database exists (asked only when needed)
   * @param tenantExists whether a tenant of that name exists now
   */
  static Decision decide(
      String tenant,
      String uid,
      DatabaseCheck.Choice choice,
      boolean recordedInStatus,
      Optional<DatabaseOwner> record,
      BooleanSupplier exists,
      Predicate<String> tenantExists) {
    String database = choice.database();
    if (record.isPresent()) {
      DatabaseOwner r = record.get();
      if (r.ownedBy(tenant)) {
        return new Use(r.mode(), !r.tenantUid().equals(uid == null ? "" : uid), false);
      }
      String how = r.mode() == Mode.CREATED ? "created for tenant " : "adopted by tenant ";
      if (tenantExists.test(r.tenant())) {
        return new Refuse(
            "DatabaseOwnedByAnotherTenant",
            "database "
                + database
                + " was "
                + how
                + r.tenant()
                + "; a tenant cannot use or adopt another tenant's database: create this tenant"
                + " again with its own spec.database (or none)");
      }
      if (choice.adopt()) {
        return new Use(Mode.ADOPTED, true, false);
      }
      return new Refuse(
          "DatabaseOwnedByAnotherTenant",
          "database "
              + database
              + " was "
              + how
              + r.tenant()
              + ", which no longer exists (its data was retained); to read it set"
              + " spec.adoptExistingDatabase: true (kubetel then never drops it), or create this"
              + " tenant again with another spec.database");
    }
    if (choice.adopt()) {
      return new Use(Mode.ADOPTED, true, false);
    }
    if (recordedInStatus) {
      return new Use(Mode.CREATED, true, true);
    }
    if (exists.getAsBoolean()) {
      return new Refuse(
          "DatabaseExists",
          "database "
              + database
              + " already exists and kubetel did not create it for this tenant; to read what a"
              + " collector writes there set spec.adoptExistingDatabase: true (kubetel then manages"
              + " its retention but never drops it), or create the tenant again with another"
              + " spec.database");
    }
    return new Use(Mode.CREATED, true, false);
  }
}
