package io.kubetel.store.clickhouse;

import io.kubetel.store.layout.TableNames;
import io.kubetel.store.sql.Identifiers;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection and read-bound settings for ClickHouse. Every read is bounded by {@code
 * maxExecutionTime}, {@code maxResultRows} and {@code maxRowsToRead}, so no request can scan or
 * return unbounded data.
 *
 * @param url HTTP endpoint, e.g. {@code http://127.0.0.1:8123}
 * @param database the telemetry database (validated identifier)
 * @param tables the physical names of the telemetry tables (the exporter's defaults unless its
 *     table names were configured)
 * @param maxMemoryUsage {@code max_memory_usage} per query in bytes (a tenant's quota); 0 leaves
 *     the server's setting
 */
public record ClickHouseSettings(
    String url,
    String user,
    String password,
    String database,
    Duration connectTimeout,
    Duration maxExecutionTime,
    long maxResultRows,
    long maxRowsToRead,
    TableNames tables,
    long maxMemoryUsage) {

  public static final String DEFAULT_DATABASE = "otel";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MAX_EXECUTION_TIME = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_RESULT_ROWS = 200_000;
  public static final long DEFAULT_MAX_ROWS_TO_READ = 200_000_000;

  public ClickHouseSettings {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new IllegalArgumentException(
          "ClickHouse url must start with http:// or https://, got '" + url + "'");
    }
    user = user == null ? "default" : user;
    password = password == null ? "" : password;
    Identifiers.database(database);
    connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    maxExecutionTime = maxExecutionTime == null ? DEFAULT_MAX_EXECUTION_TIME : maxExecutionTime;
    if (maxExecutionTime.toSeconds() < 1) {
      throw new IllegalArgumentException("maxExecutionTime must be at least 1s");
    }
    if (maxResultRows < 1 || maxRowsToRead < 1) {
      throw new IllegalArgumentException("maxResultRows and maxRowsToRead must be positive");
    }
    tables = tables == null ? TableNames.DEFAULTS : tables;
    if (maxMemoryUsage < 0) {
      throw new IllegalArgumentException("maxMemoryUsage must not be negative");
    }
  }

  /** As the canonical constructor, leaving {@code max_memory_usage} to the server. */
  public ClickHouseSettings(
      String url,
      String user,
      String password,
      String database,
      Duration connectTimeout,
      Duration maxExecutionTime,
      long maxResultRows,
      long maxRowsToRead,
      TableNames tables) {
    this(
        url,
        user,
        password,
        database,
        connectTimeout,
        maxExecutionTime,
        maxResultRows,
        maxRowsToRead,
        tables,
        0);
  }

  /** Settings with defaults for everything but the endpoint and database. */
  public static ClickHouseSettings of(String url, String database) {
    return new ClickHouseSettings(
        url,
        "default",
        "",
        database,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_MAX_EXECUTION_TIME,
        DEFAULT_MAX_RESULT_ROWS,
        DEFAULT_MAX_ROWS_TO_READ,
        TableNames.DEFAULTS);
  }

  public ClickHouseSettings withDatabase(String db) {
    return new ClickHouseSettings(
        url,
        user,
        password,
        db,
        connectTimeout,
        maxExecutionTime,
        maxResultRows,
        maxRowsToRead,
        tables,
        maxMemoryUsage);
  }

  public ClickHouseSettings withCredentials(String u, String p) {
    return new ClickHouseSettings(
        url,
        u,
        p,
        database,
        connectTimeout,
        maxExecutionTime,
        maxResultRows,
        maxRowsToRead,
        tables,
        maxMemoryUsage);
  }

  public ClickHouseSettings withLimits(Duration executionTime, long resultRows, long rowsToRead) {
    return new ClickHouseSettings(
        url,
        user,
        password,
        database,
        connectTimeout,
        executionTime,
        resultRows,
        rowsToRead,
        tables,
        maxMemoryUsage);
  }

  /** The same settings reading tables under other names. */
  public ClickHouseSettings withTables(TableNames names) {
    return new ClickHouseSettings(
        url,
        user,
        password,
        database,
        connectTimeout,
        maxExecutionTime,
        maxResultRows,
        maxRowsToRead,
        names,
        maxMemoryUsage);
  }

  /** The same settings with {@code max_memory_usage} per query (0: the server's). */
  public ClickHouseSettings withMaxMemoryUsage(long bytes) {
    return new ClickHouseSettings(
        url,
        user,
        password,
        database,
        connectTimeout,
        maxExecutionTime,
        maxResultRows,
        maxRowsToRead,
        tables,
        bytes);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "ClickHouseSettings[url="
        + url
        + ", user="
        + user
        + ", database="
        + database
        + ", maxExecutionTime="
        + maxExecutionTime
        + ", maxResultRows="
        + maxResultRows
        + ", maxRowsToRead="
        + maxRowsToRead
        + ", maxMemoryUsage="
        + maxMemoryUsage
        + ", tables="
        + tables
        + "]";
  }
}
