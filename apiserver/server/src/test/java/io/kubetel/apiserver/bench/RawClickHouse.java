package io.kubetel.apiserver.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Replays SQL on ClickHouse's HTTP interface with the settings the gateway sends, reading the whole
 * answer, and finds how many rows each statement read: from the {@code X-ClickHouse-Summary} header
 * where the server sends it, else from {@code system.query_log} by query id (18.16).
 */
final class RawClickHouse {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final ClickHouseSettings settings;

  RawClickHouse(ClickHouseSettings settings) {
    this.settings = settings;
  }

  /** What one replay measured; {@code readRows} is -1 until {@link #resolveReadRows} found it. */
  record Result(long nanos, long readRows, String queryId) {}

  Result run(String sql) throws Exception {
    String id = UUID.randomUUID().toString();
    String params =
        "readonly=2&max_execution_time="
            + settings.maxExecutionTime().toSeconds()
            + "&max_result_rows="
            + settings.maxResultRows()
            + "&result_overflow_mode=throw&max_rows_to_read="
            + settings.maxRowsToRead()
            + "&wait_end_of_query=1&output_format_json_quote_64bit_integers=0&log_queries=1"
            + "&query_id="
            + id;
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(settings.url() + "/?" + params))
            .header("X-ClickHouse-User", settings.user())
            .header("X-ClickHouse-Key", settings.password())
            .POST(HttpRequest.BodyPublishers.ofString(sql))
            .build();
    long started = System.nanoTime();
    HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    long nanos = System.nanoTime() - started;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "ClickHouse answered "
              + r.statusCode()
              + ": "
              + new String(r.body(), StandardCharsets.UTF_8));
    }
    long read =
        r.headers().firstValue("X-ClickHouse-Summary").map(RawClickHouse::readRows).orElse(-1L);
    return new Result(nanos, read, id);
  }

  private static long readRows(String summary) {
    try {
      return JSON.readTree(summary).path("read_rows").asLong(-1);
    } catch (Exception e) {
      return -1;
    }
  }

  /**
   * The rows ClickHouse's index selects for {@code sql} ({@code EXPLAIN ESTIMATE}): used where the
   * summary header is not trustworthy (hack/chdb's front reports rows returned there).
   */
  long estimateRows(String sql) throws Exception {
    long rows = 0;
    for (String line : post("EXPLAIN ESTIMATE " + sql).split("\n")) {
      if (!line.isBlank()) {
        rows += JSON.readTree(line).path("rows").asLong();
      }
    }
    return rows;
  }

  /** Rows read by the queries whose ids are given, from system.query_log (-1 when unknown). */
  long readRowsFromLog(List<String> ids) throws Exception {
    if (ids.isEmpty()) {
      return 0;
    }
    post("SYSTEM FLUSH LOGS");
    StringBuilder in = new StringBuilder();
    for (String id : ids) {
      in.append(in.length() == 0 ? "" : ",").append('\'').append(id).append('\'');
    }
    String body =
        post(
            "SELECT sum(read_rows) AS r, count() AS c FROM system.query_log WHERE type = 2 AND"
                + " query_id IN ("
                + in
                + ") FORMAT JSONEachRow");
    JsonNode row = JSON.readTree(body);
    return row.path("c").asLong() == ids.size() ? row.path("r").asLong() : -1;
  }

  private String post(String sql) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    settings.url() + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
            .header("X-ClickHouse-User", settings.user())
            .header("X-ClickHouse-Key", settings.password())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(sql + ": " + r.body());
    }
    return r.body();
  }
}
