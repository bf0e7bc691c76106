package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.store.testing.LocalClickHouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What client-v2 and the gateway see from a modern ClickHouse's HTTP interface: the error code in
 * {@link ServerException#getCode()} and in the "Code: N" text, bounds passed as per-request
 * settings that never outlive the request, the database header, and JSONEachRow inserts of modern
 * types. Runs against servers from 23.x on (a real one, or hack/chdb's test server behind {@code
 * hack/clickhouse.sh start --engine modern}); skipped on the 18.16 engine, which sends no code.
 */
class HttpInterfaceIT {
  static LocalClickHouse ch;

  @BeforeAll
  static void start() {
    ch = LocalClickHouse.start("http");
    String version = ch.gateway().serverVersion();
    assumeTrue(
        Integer.parseInt(version.split("\\.")[0]) >= 23,
        "needs a modern ClickHouse (23.x+), got " + version);
  }

  @AfterAll
  static void stop() {
    if (ch != null) {
      ch.close();
    }
  }

  private static Client client() {
    return new Client.Builder()
        .addEndpoint(ch.settings().url())
        .setUsername("default")
        .setPassword("")
        .setDefaultDatabase(ch.database())
        .compressServerResponse(false)
        .compressClientRequest(false)
        .useHttpCompression(false)
        .serverSetting("output_format_json_quote_64bit_integers", "0")
        .build();
  }

  @Test
  void clientV2ReadsTheCodeFromTheServersError() {
    try (Client client = client()) {
      assertThatThrownBy(
              () ->
                  client
                      .query("SELECT * FROM no_such_table FORMAT JSONEachRow")
                      .get(30, TimeUnit.SECONDS))
          .satisfies(
              e -> {
                Throwable t = e instanceof ExecutionException ? e.getCause() : e;
                assertThat(t)
                    .isInstanceOfSatisfying(
                        ServerException.class,
                        s -> {
                          assertThat(s.getCode()).isEqualTo(60);
                          assertThat(s.getMessage()).contains("Code: 60. DB::Exception:");
                        });
              });
    }
    assertThatThrownBy(() -> ch.gateway().select("SELECT * FROM no_such_table FORMAT JSONEachRow"))
        .isInstanceOfSatisfying(
            ClickHouseQueryException.class, e -> assertThat(e.code()).isEqualTo(60));
  }

  @Test
  void readBoundsApplyToOneRequestOnly() throws Exception {
    String twoRows = "SELECT number AS n FROM numbers(2) FORMAT JSONEachRow";
    try (ClickHouseGateway tight =
        new ClickHouseGateway(ch.settings().withLimits(Duration.ofSeconds(10), 1, 1_000_000))) {
      assertThatThrownBy(() -> tight.select(twoRows))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.RESULT_ROWS));
    }
    assertThat(ch.gateway().select(twoRows)).hasSize(2);
    // A DDL right after read-only requests must not be refused as read-only.
    ch.gateway()
        .execute(
            "CREATE TABLE IF NOT EXISTS " + ch.database() + ".after_ro (a UInt8) ENGINE = Memory");
    // Asked by a client that sends none of those settings: none is changed in the session.
    try (Client client = client();
        QueryResponse r =
            client
                .query(
                    "SELECT name FROM system.settings WHERE changed AND name IN ('readonly',"
                        + " 'max_result_rows', 'max_rows_to_read', 'max_execution_time',"
                        + " 'result_overflow_mode') FORMAT JSONEachRow")
                .get(30, TimeUnit.SECONDS)) {
      assertThat(new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void databaseAndModernTypesRoundTripThroughJsonEachRowInserts() throws Exception {
    ch.gateway()
        .execute(
            "CREATE TABLE IF NOT EXISTS "
                + ch.database()
                + ".modern_types (a UInt64, m Map(LowCardinality(String), String),"
                + " t DateTime64(9)) ENGINE = MergeTree ORDER BY a");
    String rows =
        "{\"a\":1,\"m\":{\"k8s.pod.name\":\"p-1\"},\"t\":\"2026-11-30 10:00:00.123456789\"}\n"
            + "{\"a\":2,\"m\":{},\"t\":\"2026-11-30T11:00:00Z\"}\n";
    InsertSettings insert =
        new InsertSettings().serverSetting("date_time_input_format", "best_effort");
    try (Client client = client()) {
      // Unqualified: client-v2 names the database in its X-ClickHouse-Database header.
      client
          .insert(
              "modern_types",
              new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
              ClickHouseFormat.JSONEachRow,
              insert)
          .get(30, TimeUnit.SECONDS)
          .close();
      try (QueryResponse r =
          client
              .query(
                  "SELECT a, m['k8s.pod.name'] AS pod, toString(t) AS t, currentDatabase() AS db"
                      + " FROM modern_types ORDER BY a FORMAT JSONEachRow")
              .get(30, TimeUnit.SECONDS)) {
        String body = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body.lines())
            .containsExactly(
                "{\"a\":1,\"pod\":\"p-1\",\"t\":\"2026-11-30 10:00:00.123456789\",\"db\":\""
                    + ch.database()
                    + "\"}",
                "{\"a\":2,\"pod\":\"\",\"t\":\"2026-11-30 11:00:00.000000000\",\"db\":\""
                    + ch.database()
                    + "\"}");
      }
    }
  }
}
