package io.kubetel.operator.tenant;

import io.kubetel.store.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tenant database names: the name a new tenant without {@code spec.database} gets, and the names no
 * tenant may claim.
 *
 * <p>Derived names are {@code kubetel_<name>_<8 hex>}: the tenant name with {@code -} and {@code .}
 * as {@code _} (shortened so the whole stays a 63-character identifier), then the start of the
 * SHA-256 of the full tenant name. Two names that read alike ({@code a-b}, {@code a.b}) differ in
 * the hash, so they no longer share a database; should two hashes ever meet, the ownership record
 * refuses the second tenant rather than share. Tenants that already have a database keep it: the
 * name recorded in their status wins over any derivation.
 *
 * <p>Reserved: ClickHouse's own databases ({@code system}, {@code information_schema}, {@code
 * INFORMATION_SCHEMA}, {@code _temporary_and_external_tables}) and kubetel's own database are never
 * a tenant's; {@code default}, {@code otel} (the exporter's default) and the operator's {@code
 * --default-database} are shared by whoever writes there, so a tenant may adopt them but kubetel
 * never creates or drops them.
 *
 * @param systemDatabase kubetel's own database
 * @param shared databases a tenant may only adopt
 */
public record DatabaseNames(String systemDatabase, Set<String> shared) {

  /** ClickHouse's databases, refused in any letter case. */
  static final Set<String> CLICKHOUSE =
      Set.of("system", "information_schema", "_temporary_and_external_tables");

  /** Shared databases every installation has. */
  static final Set<String> ALWAYS_SHARED = Set.of("default", "otel");

  private static final String PREFIX = "kubetel_";
  private static final int HASH_HEX = 8;

  /** Longest tenant-name part that keeps {@code kubetel_<part>_<hash>} within 63 characters. */
  private static final int NAME_PART = 63 - PREFIX.length() - 1 - HASH_HEX;

  /** How a reserved name is refused. */
  enum Reservation {
    /** Never usable by a tenant. */
    SYSTEM,
    /** Usable only by adoption. */
    SHARED
  }

  public DatabaseNames {
    Identifiers.database(systemDatabase);
    shared = Set.copyOf(new TreeSet<>(shared));
  }

  /** kubetel's database and the operator's default database (if any) on top of the fixed ones. */
  public static DatabaseNames of(String systemDatabase, Optional<String> defaultDatabase) {
    Set<String> shared = new TreeSet<>(ALWAYS_SHARED);
    defaultDatabase.ifPresent(shared::add);
    return new DatabaseNames(systemDatabase, shared);
  }

  /** The database a new tenant named {@code tenant} gets when its spec names none. */
  public static String derive(String tenant) {
    String part = tenant.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (part.length() > NAME_PART) {
      part = part.substring(0, NAME_PART);
    }
    return PREFIX + part + "_" + hash(tenant);
  }

  /** Whether and how {@code database} is reserved. */
  Optional<Reservation> reservation(String database) {
    String lower = database.toLowerCase(Locale.ROOT);
    if (CLICKHOUSE.contains(lower) || lower.equals(systemDatabase.toLowerCase(Locale.ROOT))) {
      return Optional.of(Reservation.SYSTEM);
    }
    if (shared.contains(database) || ALWAYS_SHARED.contains(lower)) {
      return Optional.of(Reservation.SHARED);
    }
    return Optional.empty();
  }

  /** Why {@code database} is reserved, for the condition message. */
  String why(String database) {
    String lower = database.toLowerCase(Locale.ROOT);
    if (lower.equals(systemDatabase.toLowerCase(Locale.ROOT))) {
      return "database " + database + " is kubetel's own (ownership records, later alert state)";
    }
    if (CLICKHOUSE.contains(lower)) {
      return "database " + database + " belongs to ClickHouse";
    }
    return "database "
        + database
        + " is shared (ClickHouse's default, the OpenTelemetry exporter's or the operator's"
        + " --default-database): kubetel never creates or drops it";
  }

  private static String hash(String tenant) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
