package io.kubetel.store.ownership;

import java.time.Instant;
import java.util.Objects;

/**
 * One ownership record: which tenant a database belongs to and how it came to (kubetel created it
 * for the tenant, or the tenant adopted a database a collector already wrote). Only a {@link
 * Mode#CREATED} database may ever be dropped, and only for the tenant named here.
 *
 * @param database the ClickHouse database
 * @param tenant the TelemetryTenant's name (cluster-scoped, so unique)
 * @param tenantUid the tenant's {@code metadata.uid} when the record was written
 * @param mode how the tenant came to own the database
 * @param recordedAt when the record was written (second precision)
 */
public record DatabaseOwner(
    String database, String tenant, String tenantUid, Mode mode, Instant recordedAt) {

  /** How a tenant came to own a database. */
  public enum Mode {
    /** kubetel created the database for the tenant: dropped with deletion policy Delete. */
    CREATED("Created"),
    /** The tenant adopted an existing database: never dropped. */
    ADOPTED("Adopted");

    private final String stored;

    Mode(String stored) {
      this.stored = stored;
    }

    /** The value in the {@code mode} column and in messages. */
    public String stored() {
      return stored;
    }

    /** The mode stored as {@code value}. */
    public static Mode ofStored(String value) {
      for (Mode m : values()) {
        if (m.stored.equals(value)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown ownership mode '" + value + "'");
    }
  }

  public DatabaseOwner {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(mode, "mode");
    tenantUid = tenantUid == null ? "" : tenantUid;
    recordedAt = recordedAt == null ? Instant.EPOCH : recordedAt;
  }

  /** Whether this record names tenant {@code name}. */
  public boolean ownedBy(String name) {
    return tenant.equals(name);
  }
}
