package io.kubetel.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.sql.Identifiers;
import io.kubetel.store.sql.Select;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables kubetel keeps in its own database (alert history, anomaly scan, database ownership): the
 * database and tables are created by idempotent DDL on first use in a database, once per process,
 * and again after any failed call (the database may have been dropped by hand, or ClickHouse
 * replaced). Rows are written as {@code INSERT ... VALUES} of tuples the caller built from {@link
 * io.kubetel.store.sql.SqlLiteral}s; readers take the row with the newest {@link #nextVersion}.
 */
public final class SystemTables {
  private static final Logger log = LoggerFactory.getLogger(SystemTables.class);

  private final ClickHouseGateway gateway;
  private final String name;
  private final Function<String, List<String>> tableDdl;
  private final Set<String> ensured = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastVersion = new AtomicLong();

  /**
   * @param name what the tables hold, for the log line when they are ensured
   * @param tableDdl the idempotent {@code CREATE TABLE IF NOT EXISTS} statements for a database
   */
  public SystemTables(
      ClickHouseGateway gateway, String name, Function<String, List<String>> tableDdl) {
    this.gateway = gateway;
    this.name = name;
    this.tableDdl = tableDdl;
  }

  /** Creates {@code database} and the tables unless done already; the validated name. */
  public String ensure(String database) {
    String db = Identifiers.database(database);
    if (!ensured.contains(db)) {
      gateway.execute("CREATE DATABASE IF NOT EXISTS " + db);
      tableDdl.apply(db).forEach(gateway::execute);
      ensured.add(db);
      log.info("event=system_tables_ensured tables={} database={}", name, db);
    }
    return db;
  }

  /** The rows of {@code sql}, a SELECT of tables in {@code database}. */
  public List<JsonNode> select(String database, String sql) {
    return guarded(ensure(database), () -> gateway.select(sql));
  }

  /**
   * The newest row (highest {@code version}) of each key in {@code database.table}, decoded. Older
   * rows and unmerged repeats are skipped here rather than by {@code FINAL} or {@code LIMIT BY}, so
   * the reading does not depend on what a server version merges or supports.
   */
  public <T> List<T> newestPerKey(
      String database,
      String table,
      List<String> columns,
      Function<JsonNode, T> decode,
      Function<T, String> key) {
    String sql =
        Select.select(columns.toArray(String[]::new))
            .from(Identifiers.table(database, table))
            .orderBy("version DESC")
            .toSql();
    Map<String, T> newest = new LinkedHashMap<>();
    for (JsonNode row : select(database, sql)) {
      T value = decode.apply(row);
      newest.putIfAbsent(key.apply(value), value);
    }
    return List.copyOf(newest.values());
  }

  /** Inserts {@code rows} (each a parenthesised tuple of literals) into {@code database.table}. */
  public void insert(String database, String table, List<String> columns, List<String> rows) {
    String db = ensure(database);
    String statement =
        "INSERT INTO "
            + Identifiers.table(db, table)
            + " ("
            + String.join(", ", columns)
            + ") VALUES "
            + String.join(", ", rows);
    guarded(
        db,
        () -> {
          gateway.execute(statement);
          return null;
        });
  }

  /** A row of an INSERT: the literals, parenthesised. */
  public static String tuple(String... literals) {
    return "(" + String.join(", ", literals) + ")";
  }

  /** Microseconds since the epoch of {@code now}, strictly increasing within this instance. */
  public long nextVersion(Instant now) {
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return lastVersion.updateAndGet(last -> Math.max(last + 1, micros));
  }

  /** Runs {@code call}; when it fails the tables of {@code db} are ensured again next time. */
  private <T> T guarded(String db, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      ensured.remove(db);
      throw e;
    }
  }
}
