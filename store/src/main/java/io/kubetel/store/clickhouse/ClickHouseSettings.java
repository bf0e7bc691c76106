package io.kubetel.store.clickhouse;

import io.kubetel.store.layout.TableNames;
import io.kubetel.store.sql.Identifiers;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Connection and read-bound settings for ClickHouse. Every read is bounded by {@code
 * maxExecutionTime}, {@code maxResultRows} and {@code maxRowsToRead}, so no request can scan or
 * return unbounded data.
 *
 * @param url HTTP endpoint, e.g. {@code http://127.0.0.1:8123}
 * @param database the telemetry database (validated identifier)
 * @param tables the physical names of the telemetry tables (the exporter's defaults unless its
 *     table names were configured)
 * @param maxResponseBytes most bytes one response may hold; past it the read fails with {@link
 *     io.kubetel.model.store.StoreLimitException.Limit#RESPONSE_BYTES}
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
    long maxResponseBytes,
    long maxMemoryUsage) {

  public static final String DEFAULT_DATABASE = "otel";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_MAX_EXECUTION_TIME = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_RESULT_ROWS = 200_000;
  public static final long DEFAULT_MAX_ROWS_TO_READ = 200_000_000;

  /** Most bytes one ClickHouse response may hold in memory (see {@link ResponseByteLimit}). */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

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
    if (maxResponseBytes < 1) {
      throw new IllegalArgumentException("maxResponseBytes must be positive");
    }
    if (maxMemoryUsage < 0) {
      throw new IllegalArgumentException("maxMemoryUsage must not be negative");
    }
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
        TableNames.DEFAULTS,
        DEFAULT_MAX_RESPONSE_BYTES,
        0);
  }

  public ClickHouseSettings withDatabase(String db) {
    return copy(d -> d.database = db);
  }

  public ClickHouseSettings withCredentials(String u, String p) {
    return copy(
        d -> {
          d.user = u;
          d.password = p;
        });
  }

  public ClickHouseSettings withLimits(Duration executionTime, long resultRows, long rowsToRead) {
    return copy(
        d -> {
          d.maxExecutionTime = executionTime;
          d.maxResultRows = resultRows;
          d.maxRowsToRead = rowsToRead;
        });
  }

  /** The same settings with another bound on the bytes of one response. */
  public ClickHouseSettings withMaxResponseBytes(long bytes) {
    return copy(d -> d.maxResponseBytes = bytes);
  }

  /** The same settings with {@code max_memory_usage} per query (0: the server's). */
  public ClickHouseSettings withMaxMemoryUsage(long bytes) {
    return copy(d -> d.maxMemoryUsage = bytes);
  }

  /** The same settings reading tables under other names. */
  public ClickHouseSettings withTables(TableNames names) {
    return copy(d -> d.tables = names);
  }

  /** These settings with the fields {@code change} sets replaced (validated again). */
  private ClickHouseSettings copy(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new ClickHouseSettings(
        d.url,
        d.user,
        d.password,
        d.database,
        d.connectTimeout,
        d.maxExecutionTime,
        d.maxResultRows,
        d.maxRowsToRead,
        d.tables,
        d.maxResponseBytes,
        d.maxMemoryUsage);
  }

  /** The record's fields, mutable for one {@link #copy}. */
  private static final class Draft {
    String url;
    String user;
    String password;
    String database;
    Duration connectTimeout;
    Duration maxExecutionTime;
    long maxResultRows;
    long maxRowsToRead;
    TableNames tables;
    long maxResponseBytes;
    long maxMemoryUsage;

    Draft(ClickHouseSettings s) {
      url = s.url;
      user = s.user;
      password = s.password;
      database = s.database;
      connectTimeout = s.connectTimeout;
      maxExecutionTime = s.maxExecutionTime;
      maxResultRows = s.maxResultRows;
      maxRowsToRead = s.maxRowsToRead;
      tables = s.tables;
      maxResponseBytes = s.maxResponseBytes;
      maxMemoryUsage = s.maxMemoryUsage;
    }
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
        + ", maxResponseBytes="
        + maxResponseBytes
        + ", maxMemoryUsage="
        + maxMemoryUsage
        + ", tables="
        + tables
        + "]";
  }
}
