package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.store.ReadScope;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A read made in a {@link ReadScope} stops in ClickHouse itself when its caller gives up: the
 * scope's time left becomes the query's {@code max_execution_time}, and cancelling the scope kills
 * the running query. The slow query does 20 s of work (40 blocks of one row, 0.5 s each) under a 60
 * s limit, so only the scope can end it early.
 */
class ReadCancellationIT {
  private static final String SLOW =
      "SELECT sleepEachRow(0.5) AS s, %s AS marker FROM numbers(40)"
          + " SETTINGS max_block_size = 1 FORMAT JSONEachRow";

  static LocalClickHouse ch;
  static ClickHouseGateway gateway;

  @BeforeAll
  static void start() {
    ch = LocalClickHouse.start("cancel");
    gateway = new ClickHouseGateway(ch.settings().withLimits(Duration.ofSeconds(60), 1000, 1000));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (ch != null) {
      ch.close();
    }
  }

  private static String slowQuery(String marker) {
    return SLOW.formatted(SqlLiteral.string(marker));
  }

  @Test
  void theTimeLeftInTheScopeBecomesTheQuerysExecutionLimit() {
    ReadScope scope = new ReadScope(Clock.systemUTC(), Instant.now().plusMillis(1500));
    long started = System.nanoTime();

    assertThatThrownBy(() -> scope.call(() -> gateway.select(slowQuery("deadline"))))
        .isInstanceOfSatisfying(
            StoreLimitException.class,
            e -> assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.EXECUTION_TIME));

    // Ended by ClickHouse at about 2 s (1.5 s rounded up), not by the 60 s limit or the 20 s work.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aScopeAlreadyOverSendsNothing() {
    ReadScope scope = new ReadScope(Clock.systemUTC(), Instant.now().minusSeconds(1));
    String marker = UUID.randomUUID().toString();

    assertThatThrownBy(() -> scope.call(() -> gateway.select(slowQuery(marker))))
        .isInstanceOf(StoreLimitException.class)
        .hasMessageContaining("abandoned");
    assertThat(runningWith(marker)).isEmpty();
  }

  @Test
  void cancellingTheScopeKillsTheRunningQuery() throws Exception {
    // The chDB engine behind the test HTTP shim runs one statement at a time, so a KILL can only
    // reach it after the query ended; a real 26.7 server runs them side by side like 18.16.
    Assumptions.assumeTrue(
        LocalClickHouse.expectedLayout().orElse(SchemaLayout.COMPAT) == SchemaLayout.COMPAT,
        "the chDB test engine serializes statements: KILL QUERY cannot overtake a running query");
    ReadScope scope = new ReadScope(Clock.systemUTC(), Instant.MAX);
    String marker = UUID.randomUUID().toString();
    CompletableFuture<List<JsonNode>> read =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return scope.call(() -> gateway.select(slowQuery(marker)));
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    await().atMost(Duration.ofSeconds(10)).until(() -> !runningWith(marker).isEmpty());
    assertThat(runningWith(marker).get(0).path("query_id").asText()).startsWith("kubetel-");
    long cancelled = System.nanoTime();

    scope.cancel();

    assertThatThrownBy(() -> read.get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(StoreLimitException.class)
        .hasMessageContaining("abandoned");
    assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).isLessThan(Duration.ofSeconds(10));
    await().atMost(Duration.ofSeconds(5)).until(() -> runningWith(marker).isEmpty());
  }

  /** The queries ClickHouse is running whose text carries {@code marker}. */
  private static List<JsonNode> runningWith(String marker) {
    return ch.gateway()
        .select(
            "SELECT query_id FROM system.processes WHERE query LIKE "
                + SqlLiteral.string("%" + marker + "%")
                + " AND query NOT LIKE '%system.processes%' FORMAT JSONEachRow");
  }
}
