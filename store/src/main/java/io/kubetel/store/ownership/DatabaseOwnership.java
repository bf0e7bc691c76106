package io.kubetel.store.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.clickhouse.SystemTables;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  private static final List<String> COLUMNS =
      List.of("database", "tenant", "tenant_uid", "mode", "recorded_at", "released", "version");

  private final SystemTables tables;
  private final String systemDatabase;
  private final Clock clock;

  /**
   * @param systemDatabase kubetel's own database, created on first use
   */
  public DatabaseOwnership(ClickHouseGateway gateway, String systemDatabase, Clock clock) {
    this.tables = new SystemTables(gateway, TABLE, DatabaseOwnership::ddl);
    this.systemDatabase = Identifiers.database(systemDatabase);
    this.clock = clock;
  }

  /** kubetel's own database. */
  public String systemDatabase() {
    return systemDatabase;
  }

  /** The statement creating the records table (idempotent; the database exists). */
  public static List<String> ddl(String systemDatabase) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + Identifiers.table(systemDatabase, TABLE)
            + " (database String, tenant String, tenant_uid String, mode String,"
            + " recorded_at DateTime, released UInt8, version UInt64)"
            + " ENGINE = ReplacingMergeTree(version) ORDER BY database");
  }

  /** Creates kubetel's database and the records table once per process (idempotent). */
  public void ensureTable() {
    tables.ensure(systemDatabase);
  }

  /** The current record of {@code database}; empty when there is none or it was released. */
  public Optional<DatabaseOwner> find(String database) {
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
    List<JsonNode> rows = tables.select(systemDatabase, sql);
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
    Instant now = clock.instant();
    tables.insert(
        systemDatabase,
        TABLE,
        COLUMNS,
        List.of(
            SystemTables.tuple(
                SqlLiteral.string(Identifiers.database(owner.database())),
                SqlLiteral.string(owner.tenant()),
                SqlLiteral.string(owner.tenantUid()),
                SqlLiteral.string(owner.mode().stored()),
                SqlLiteral.number(now.getEpochSecond()),
                SqlLiteral.number(released ? 1 : 0),
                SqlLiteral.number(tables.nextVersion(now)))));
  }
}
