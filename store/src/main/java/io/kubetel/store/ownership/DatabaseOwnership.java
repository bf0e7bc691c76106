package io.kubetel.store.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ownership records of tenant databases, in kubetel's own database (never a user's exporter
 * database): table {@value #TABLE}, one row per change, the newest version of a database's rows
 * winning. Releasing a database writes a tombstone row. The table uses only what ClickHouse 18.16
 * has (a {@code ReplacingMergeTree} of plain types, no Map, DateTime64 or TTL), so the same DDL
 * runs on every supported server; reads take the newest row explicitly and do not depend on merges.
 *
 * <p>ClickHouse has no transactions: callers that check and then record (the operator's claim of a
 * database) serialise those steps themselves; the operator runs one leader at a time.
 */
public final class DatabaseOwnership {
  private static final Logger log = LoggerFactory.getLogger(DatabaseOwnership.class);

  /** The table holding the records. */
  public static final String TABLE = "database_owners";

  private final ClickHouseGateway gateway;
  private final String systemDatabase;
  private final Clock clock;
  private final AtomicLong lastVersion = new AtomicLong();
  private volatile boolean tableEnsured;

  /**
   * @param systemDatabase kubetel's own database, created on first use
   */
  public DatabaseOwnership(ClickHouseGateway gateway, String systemDatabase, Clock clock) {
    this.gateway = gateway;
    this.systemDatabase = Identifiers.database(systemDatabase);
    this.clock = clock;
  }

  /** kubetel's own database. */
  public String systemDatabase() {
    return systemDatabase;
  }

  /** The statements creating kubetel's database and the records table (idempotent). */
  public static List<String> ddl(String systemDatabase) {
    String db = Identifiers.database(systemDatabase);
    return List.of(
        "CREATE DATABASE IF NOT EXISTS " + db,
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(db, TABLE)
            + " (database String, tenant String, tenant_uid String, mode String,"
            + " recorded_at DateTime, released UInt8, version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY database");
  }

  /** Creates kubetel's database and the records table once per process (idempotent). */
  public void ensureTable() {
    if (tableEnsured) {
      return;
    }
    ddl(systemDatabase).forEach(gateway::execute);
    tableEnsured = true;
    log.info("event=ownership_table_ensured database={} table={}", systemDatabase, TABLE);
  }

  /** The current record of {@code database}; empty when there is none or it was released. */
  public Optional<DatabaseOwner> find(String database) {
    ensureTable();
    String sql =
        Select.select(
                "database",
                "tenant",
                "tenant_uid",
                "mode",
                "toUInt32(recorded_at) AS recorded_at",
                "released")
            .from(Identifiers.table(systemDatabase, TABLE))
            .where("database = " + SqlLiteral.string(Identifiers.database(database)))
            .orderBy("version DESC")
            .limit(1)
            .toSql();
    List<JsonNode> rows = guarded(() -> gateway.select(sql));
    if (rows.isEmpty() || Rows.longValue(rows.get(0), "released") == 1) {
      return Optional.empty();
    }
    JsonNode r = rows.get(0);
    return Optional.of(
        new DatabaseOwner(
            Rows.text(r, "database"),
            Rows.text(r, "tenant"),
            Rows.text(r, "tenant_uid"),
            DatabaseOwner.Mode.ofStored(Rows.text(r, "mode")),
            Instant.ofEpochSecond(Rows.longValue(r, "recorded_at"))));
  }

  /** Records {@code owner} as the owner of its database, replacing any earlier record. */
  public void record(DatabaseOwner owner) {
    write(owner, false);
    log.info(
        "event=database_ownership_recorded database={} tenant={} mode={}",
        owner.database(),
        owner.tenant(),
        owner.mode().stored());
  }

  /** Forgets who owns {@code database} (after it was dropped): a tombstone row. */
  public void release(DatabaseOwner owner) {
    write(owner, true);
    log.info(
        "event=database_ownership_released database={} tenant={}",
        owner.database(),
        owner.tenant());
  }

  private void write(DatabaseOwner owner, boolean released) {
    ensureTable();
    Instant now = clock.instant();
    String statement =
        "INSERT INTO "
            + Identifiers.table(systemDatabase, TABLE)
            + " (database, tenant, tenant_uid, mode, recorded_at, released, version) VALUES ("
            + String.join(
                ", ",
                SqlLiteral.string(Identifiers.database(owner.database())),
                SqlLiteral.string(owner.tenant()),
                SqlLiteral.string(owner.tenantUid()),
                SqlLiteral.string(owner.mode().stored()),
                SqlLiteral.number(now.getEpochSecond()),
                SqlLiteral.number(released ? 1 : 0),
                SqlLiteral.number(nextVersion(now)))
            + ")";
    guarded(
        () -> {
          gateway.execute(statement);
          return null;
        });
  }

  /**
   * Runs {@code call}; when it fails the table is ensured again on the next call (kubetel's
   * database may have been dropped by hand, or ClickHouse replaced).
   */
  private <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      tableEnsured = false;
      throw e;
    }
  }

  /** Microseconds since the epoch, strictly increasing within this process. */
  private long nextVersion(Instant now) {
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return lastVersion.updateAndGet(last -> Math.max(last + 1, micros));
  }
}
