package io.kubetel.store.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.command.CommandSettings;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.model.json.Json;
import io.kubetel.model.store.ReadAbandonedException;
import io.kubetel.model.store.ReadScope;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.store.sql.Identifiers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place kubetel talks to ClickHouse: bounded reads returning JSONEachRow rows, DDL, and
 * JSONEachRow inserts. Configured for what works from 18.16 to current servers (no response
 * compression: 18.16 answers {@code compress=1} with an empty body).
 *
 * <p>Every read runs with {@code readonly=2}, {@code max_execution_time}, {@code max_result_rows}
 * (throwing on overflow), {@code max_rows_to_read} and {@code wait_end_of_query=1} (so a limit hit
 * mid-result is an HTTP error rather than a truncated body); at most {@code maxResponseBytes} of
 * one response are held in memory ({@link ResponseByteLimit}). A read made in a {@link ReadScope}
 * gets only the time the scope has left as {@code max_execution_time}, runs with a query id, and is
 * killed on the server ({@link QueryCanceller}) when the scope is cancelled. Failures map to {@link
 * io.kubetel.model.store.StoreUnavailableException}, {@link
 * io.kubetel.model.store.StoreLimitException} or {@link ClickHouseQueryException}. SQL is logged
 * only at debug level.
 */
public final class ClickHouseGateway implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ClickHouseGateway.class);
  private static final ObjectMapper JSON = Json.mapper();

  private final ClickHouseSettings settings;
  private final Client client;
  private final long waitMillis;
  private final ResponseByteLimit responseBytes;
  private final QueryCanceller canceller;
  private final List<SelectObserver> observers = new CopyOnWriteArrayList<>();

  /**
   * Told about every finished read (on the calling worker thread): feeds the query metrics and lets
   * the benchmark replay exactly the SQL a request ran. Must be fast and never throw.
   */
  @FunctionalInterface
  public interface SelectObserver {
    /**
     * @param sql the statement as sent
     * @param nanos wall time from sending it to having parsed the whole answer
     * @param rows rows in the answer
     * @param readRows rows ClickHouse read (from its summary header; 0 where the server sends none,
     *     e.g. 18.16)
     * @param readBytes bytes ClickHouse read (as readRows)
     */
    void selected(String sql, long nanos, int rows, long readRows, long readBytes);
  }

  /** Adds an observer of finished reads. */
  public void observe(SelectObserver observer) {
    observers.add(observer);
  }

  public ClickHouseGateway(ClickHouseSettings settings) {
    this.settings = settings;
    long execSeconds = settings.maxExecutionTime().toSeconds();
    // The client waits a little longer than the server so the server's own timeout error wins.
    this.waitMillis = (execSeconds + 10) * 1000;
    this.responseBytes = new ResponseByteLimit(settings.maxResponseBytes());
    this.client =
        new Client.Builder()
            .addEndpoint(settings.url())
            .setUsername(settings.user())
            .setPassword(settings.password())
            .setDefaultDatabase("default")
            .compressServerResponse(false)
            .compressClientRequest(false)
            .useHttpCompression(false)
            .useServerTimeZone(false)
            .useTimeZone("UTC")
            .serverSetting("output_format_json_quote_64bit_integers", "0")
            .setConnectTimeout(settings.connectTimeout().toMillis(), ChronoUnit.MILLIS)
            .setSocketTimeout(waitMillis, ChronoUnit.MILLIS)
            .setMaxRetries(0)
            .build();
    this.canceller = new QueryCanceller(this::execute);
  }

  public ClickHouseSettings settings() {
    return settings;
  }

  /** The telemetry database. */
  public String database() {
    return settings.database();
  }

  /**
   * Runs a bounded, read-only SELECT ending in {@code FORMAT JSONEachRow}; returns its rows. Within
   * the calling thread's {@link ReadScope}: not started once the scope is over, limited to the time
   * it has left, and killed on the server when it is cancelled.
   *
   * @throws StoreLimitException {@code EXECUTION_TIME} when the scope ended before or during the
   *     read
   */
  public List<JsonNode> select(String sql) {
    List<JsonNode> rows = new ArrayList<>();
    selectEach(sql, rows::add);
    return rows;
  }

  /**
   * As {@link #select}, handing each row to {@code row} as it is parsed from the response instead
   * of collecting them: a reader that converts rows into its own objects holds neither the body nor
   * a tree of every row. When the read fails, rows already handed over are to be discarded.
   *
   * @return the number of rows
   */
  public int selectEach(String sql, Consumer<JsonNode> row) {
    ReadScope scope = ReadScope.current();
    if (scope.isOver()) {
      throw abandoned(null);
    }
    String queryId = "kubetel-" + UUID.randomUUID();
    QuerySettings qs =
        new QuerySettings()
            .setQueryId(queryId)
            .serverSetting("readonly", "2")
            .serverSetting("max_execution_time", Long.toString(executionSeconds(scope)))
            .serverSetting("max_result_rows", Long.toString(settings.maxResultRows()))
            .serverSetting("result_overflow_mode", "throw")
            .serverSetting("max_rows_to_read", Long.toString(settings.maxRowsToRead()))
            .serverSetting("wait_end_of_query", "1");
    if (settings.maxMemoryUsage() > 0) {
      qs.serverSetting("max_memory_usage", Long.toString(settings.maxMemoryUsage()));
    }
    try (ReadScope.Registration running = scope.onCancel(() -> canceller.cancel(queryId))) {
      return query(sql, qs, "select", row);
    } catch (RuntimeException e) {
      // Whatever the server answered a killed or cut-short query, the caller gave up on it.
      if (scope.isOver()) {
        throw abandoned(e);
      }
      throw e;
    }
  }

  /**
   * The configured {@code max_execution_time}, or less when the scope has less time left (whole
   * seconds, at least 1: what 18.16 accepts).
   */
  private long executionSeconds(ReadScope scope) {
    long configured = settings.maxExecutionTime().toSeconds();
    return scope
        .remaining()
        .map(left -> Math.max(1, Math.min(configured, (left.toMillis() + 999) / 1000)))
        .orElse(configured);
  }

  private static StoreLimitException abandoned(RuntimeException cause) {
    return new ReadAbandonedException(cause);
  }

  /** Runs a statement that returns nothing (DDL, ALTER); not bounded by the read limits. */
  public void execute(String statement) {
    long started = System.nanoTime();
    try {
      send(statement);
      log.debug("event=clickhouse_execute sql={}", statement);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClickHouseErrors.map("execute", e);
    } catch (Exception e) {
      log.debug("event=clickhouse_execute_failed sql={}", statement, e);
      throw ClickHouseErrors.map("execute", e);
    } finally {
      log.trace(
          "event=clickhouse_execute_done millis={}", (System.nanoTime() - started) / 1_000_000);
    }
  }

  /**
   * Runs a statement that carries a secret (a password): as {@link #execute}, but neither the
   * statement nor the failure's cause is logged, and the exception thrown names only the operation.
   */
  public void executeQuietly(String statement) {
    try {
      send(statement);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted (execute)", null);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException("ClickHouse did not answer in time (execute)", null);
    } catch (Exception e) {
      // Only the code: the server's message may quote the statement.
      throw new ClickHouseQueryException(
          ClickHouseErrors.code(e),
          "execute",
          new IllegalStateException(e.getClass().getSimpleName()));
    }
  }

  /** Sends a statement that returns nothing and waits for its end. */
  private void send(String statement) throws Exception {
    client.execute(statement, new CommandSettings()).get(waitMillis, TimeUnit.MILLISECONDS).close();
  }

  /** Inserts rows (each a JSON object keyed by column name) into {@code table} of the database. */
  public void insertJsonEachRow(String table, List<?> rows) {
    insertJsonEachRow(table, rows, java.util.Map.of());
  }

  /**
   * Inserts rows with extra server settings for the insert (names are kubetel constants, e.g.
   * {@code date_time_input_format}).
   */
  public void insertJsonEachRow(
      String table, List<?> rows, java.util.Map<String, String> insertOptions) {
    if (rows.isEmpty()) {
      return;
    }
    String qualified = Identifiers.table(settings.database(), table);
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 256);
    try {
      for (Object row : rows) {
        JSON.writeValue(new NonClosing(out), row);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("rows cannot be written as JSON", e);
    }
    com.clickhouse.client.api.insert.InsertSettings insertSettings =
        new com.clickhouse.client.api.insert.InsertSettings();
    insertOptions.forEach(insertSettings::serverSetting);
    try (InsertResponse r =
        client
            .insert(
                qualified,
                new ByteArrayInputStream(out.toByteArray()),
                ClickHouseFormat.JSONEachRow,
                insertSettings)
            .get(waitMillis, TimeUnit.MILLISECONDS)) {
      log.debug("event=clickhouse_insert table={} rows={}", table, rows.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClickHouseErrors.map("insert", e);
    } catch (Exception e) {
      throw ClickHouseErrors.map("insert", e);
    }
  }

  /** The server version string, e.g. {@code 18.16.1} or {@code 24.8.4.13}. */
  public String serverVersion() {
    List<JsonNode> rows = select("SELECT version() AS v FORMAT JSONEachRow");
    if (rows.isEmpty()) {
      throw new ClickHouseQueryException(-1, "version", new IllegalStateException("empty answer"));
    }
    return rows.get(0).path("v").asText();
  }

  /** {@code SELECT 1}; throws when ClickHouse does not answer correctly. */
  public void ping() {
    List<JsonNode> rows = select("SELECT 1 AS ok FORMAT JSONEachRow");
    if (rows.size() != 1 || rows.get(0).path("ok").asInt() != 1) {
      throw new io.kubetel.model.store.StoreUnavailableException(
          "ClickHouse answered SELECT 1 with an unexpected body (is response compression on?)",
          null);
    }
  }

  private int query(String sql, QuerySettings qs, String operation, Consumer<JsonNode> row) {
    long started = System.nanoTime();
    try (QueryResponse response = client.query(sql, qs).get(waitMillis, TimeUnit.MILLISECONDS)) {
      int rows = parse(responseBytes.bounded(response.getInputStream()), row);
      long nanos = System.nanoTime() - started;
      for (SelectObserver o : observers) {
        o.selected(sql, nanos, rows, response.getReadRows(), response.getReadBytes());
      }
      log.debug(
          "event=clickhouse_select rows={} millis={} sql={}",
          rows,
          (System.nanoTime() - started) / 1_000_000,
          sql);
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ClickHouseErrors.map(operation, e);
    } catch (ReaderFailure e) {
      throw e.failure();
    } catch (RuntimeException e) {
      if (e instanceof io.kubetel.model.store.StoreLimitException
          || e instanceof io.kubetel.model.store.StoreUnavailableException
          || e instanceof ClickHouseQueryException) {
        throw e;
      }
      log.debug("event=clickhouse_select_failed sql={}", sql, e);
      throw ClickHouseErrors.map(operation, e);
    } catch (Exception e) {
      log.debug("event=clickhouse_select_failed sql={}", sql, e);
      throw ClickHouseErrors.map(operation, e);
    }
  }

  /** Parses JSONEachRow rows from the body as it arrives, handing each to {@code row}. */
  private static int parse(ResponseByteLimit.Bounded body, Consumer<JsonNode> row)
      throws IOException {
    int rows = 0;
    try (MappingIterator<JsonNode> it = rowsOf(body)) {
      JsonNode next;
      while ((next = nextRow(it)) != null) {
        try {
          row.accept(next);
        } catch (RuntimeException e) {
          throw new ReaderFailure(e); // the caller's own failure: not a bad body, not ClickHouse's
        }
        rows++;
      }
    } catch (UnparsableBody e) {
      // A server error after the header was sent arrives as text at the end of the body.
      String text = body.drainTail();
      if (ClickHouseErrors.code(text) > 0) {
        throw ClickHouseErrors.map("select", new IOException(text.trim()));
      }
      throw new IOException("ClickHouse returned a body that is not JSONEachRow", e.getCause());
    }
    return rows;
  }

  private static MappingIterator<JsonNode> rowsOf(ResponseByteLimit.Bounded body) {
    try {
      return JSON.readerFor(JsonNode.class).readValues(body);
    } catch (IOException | RuntimeException e) {
      throw unparsable(e);
    }
  }

  /** The next row, null at the end; a body that does not parse fails as {@link UnparsableBody}. */
  private static JsonNode nextRow(MappingIterator<JsonNode> it) {
    try {
      return it.hasNext() ? it.next() : null;
    } catch (RuntimeException e) {
      throw unparsable(e);
    }
  }

  /** The limit error as itself (it may arrive wrapped by the parser), anything else unparsable. */
  private static RuntimeException unparsable(Exception e) {
    if (e instanceof StoreLimitException limit) {
      return limit;
    }
    if (e.getCause() instanceof StoreLimitException limit) {
      return limit;
    }
    return new UnparsableBody(e);
  }

  /** A failure of the caller's row handler, carried out of the parser unchanged. */
  private static final class ReaderFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReaderFailure(RuntimeException failure) {
      super(failure);
    }

    RuntimeException failure() {
      return (RuntimeException) getCause();
    }
  }

  /** A response body that is not JSONEachRow. */
  private static final class UnparsableBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnparsableBody(Throwable cause) {
      super(cause);
    }
  }

  @Override
  public void close() {
    canceller.close();
    client.close();
  }

  /** Lets Jackson write several values to one stream without closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(java.io.OutputStream out) {
      super(out);
    }

    @Override
    public void close() {
      // keep the underlying buffer open
    }
  }
}
