package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.kubetel.model.store.StoreLimitException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the gateway reads a response body as it arrives ({@link ClickHouseGateway#selectEach}): rows
 * handed over one by one, a server error written after some rows (as ClickHouse does when a query
 * fails mid-result) reported with its code rather than as garbage, the byte bound applied while
 * parsing, and a reader's own failure passed through as itself. The "server" is a loopback HTTP
 * stub in this JVM answering every query with a fixed body.
 */
class GatewayResponseBodyTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private ClickHouseGateway gatewayAnswering(String body, long maxResponseBytes)
      throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    return new ClickHouseGateway(
        ClickHouseSettings.of(url, "otel").withMaxResponseBytes(maxResponseBytes));
  }

  @Test
  void rowsAreHandedOverOneByOneInOrder() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      body.append("{\"n\":").append(i).append(",\"s\":\"row ").append(i).append("\"}\n");
    }
    try (ClickHouseGateway gateway = gatewayAnswering(body.toString(), 1 << 20)) {
      List<Long> seen = new ArrayList<>();
      int count = gateway.selectEach("SELECT 1", row -> seen.add(row.get("n").asLong()));

      assertThat(count).isEqualTo(5000);
      assertThat(seen).hasSize(5000).startsWith(0L, 1L, 2L).endsWith(4998L, 4999L);
      assertThat(gateway.select("SELECT 1")).hasSize(5000);
    }
  }

  @Test
  void anErrorWrittenAfterSomeRowsIsReportedWithItsCode() throws Exception {
    String body =
        "{\"n\":1}\n{\"n\":2}\n"
            + "Code: 241. DB::Exception: Memory limit (for query) exceeded: would use 9.31 GiB\n";
    try (ClickHouseGateway gateway = gatewayAnswering(body, 1 << 20)) {
      List<JsonNode> seen = new ArrayList<>();

      // Code 241 is ClickHouse's memory limit: the API answers it as a limit to narrow the read.
      assertThatThrownBy(() -> gateway.selectEach("SELECT 1", seen::add))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.ROWS_READ))
          .hasMessageContaining("more memory than allowed");
    }
  }

  @Test
  void aBodyThatIsNotJsonEachRowSaysSo() throws Exception {
    try (ClickHouseGateway gateway = gatewayAnswering("<html>proxy error</html>\n", 1 << 20)) {
      assertThatThrownBy(() -> gateway.select("SELECT 1"))
          .hasStackTraceContaining("ClickHouse returned a body that is not JSONEachRow");
    }
  }

  @Test
  void theByteBoundAppliesWhileParsing() throws Exception {
    String row = "{\"s\":\"" + "x".repeat(1000) + "\"}\n";
    try (ClickHouseGateway gateway = gatewayAnswering(row.repeat(200), 50_000)) {
      List<JsonNode> seen = new ArrayList<>();

      assertThatThrownBy(() -> gateway.selectEach("SELECT 1", seen::add))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.RESPONSE_BYTES));
      // Parsing stopped at the bound: not every row was handed over.
      assertThat(seen.size()).isLessThan(60);
    }
  }

  @Test
  void aReadersOwnFailurePassesThroughAsItself() throws Exception {
    try (ClickHouseGateway gateway = gatewayAnswering("{\"n\":1}\n{\"n\":2}\n", 1 << 20)) {
      assertThatThrownBy(
              () ->
                  gateway.selectEach(
                      "SELECT 1",
                      row -> {
                        throw new IllegalStateException("reader rejects row " + row.get("n"));
                      }))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("reader rejects row 1");
    }
  }
}
