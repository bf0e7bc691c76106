package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.store.StoreLimitException;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant's concurrency quota enforced by ClickHouse itself, so shared by API server replicas: two
 * gateways (two replicas, each with its own connection pool) read as the same tenant user, whose
 * profile carries {@code max_concurrent_queries_for_user = 2} (user {@code kubetel_tenant_c} that
 * {@code hack/clickhouse.sh} declares in {@code users.d}, as administrators do on 18.16; the
 * operator puts the same setting in the profile it provisions on 20.4+). While each replica runs
 * one slow query, a third query from either is refused with Code 202, which the store reports as
 * {@link StoreLimitException.Limit#CONCURRENT_QUERIES} (the API server's 429 with Retry-After).
 * Needs the debian engine: chDB has one user and runs one statement at a time (skipped there).
 */
class ConcurrentQueriesQuotaIT {
  /** Eight blocks of one row, half a second each: about 4 s, and visible in system.processes. */
  private static final String SLOW =
      "SELECT sum(sleepEachRow(0.5)) AS s FROM numbers(8) SETTINGS max_block_size = 1"
          + " FORMAT JSONEachRow";

  private static LocalClickHouse database;
  private static ClickHouseGateway replicaA;
  private static ClickHouseGateway replicaB;
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        "debian".equals(System.getProperty(LocalClickHouse.ENGINE_PROPERTY)),
        "needs the debian engine's users.d tenant user (chDB has one user, one query at a time)");
    database = LocalClickHouse.startNamed("kt_tenancy_c");
    ClickHouseSettings tenant =
        database
            .settings()
            .withCredentials("kubetel_tenant_c", "tenant-c-secret")
            .withLimits(Duration.ofSeconds(30), 1000, 1000);
    replicaA = new ClickHouseGateway(tenant);
    replicaB = new ClickHouseGateway(tenant);
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() throws Exception {
    if (pool != null) {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    for (AutoCloseable c : new AutoCloseable[] {replicaA, replicaB, database}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void twoReplicasTogetherReachTheTenantsLimitAndTheNextQueryIsRefused() throws Exception {
    CompletableFuture<?> slowA = CompletableFuture.runAsync(() -> replicaA.select(SLOW), pool);
    CompletableFuture<?> slowB = CompletableFuture.runAsync(() -> replicaB.select(SLOW), pool);
    // Both running, one per replica: ClickHouse counts them for the one user.
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    while (runningAsTenant() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(runningAsTenant()).as("slow queries running as the tenant").isEqualTo(2);

    for (ClickHouseGateway replica : List.of(replicaA, replicaB)) {
      assertThatThrownBy(() -> replica.select("SELECT 1 AS one FORMAT JSONEachRow"))
          .isInstanceOfSatisfying(
              StoreLimitException.class,
              e -> {
                assertThat(e.limit()).isEqualTo(StoreLimitException.Limit.CONCURRENT_QUERIES);
                assertThat(e.getMessage())
                    .contains("maxConcurrentQueries", "every API server replica", "retry shortly");
              });
    }

    slowA.get(20, TimeUnit.SECONDS);
    slowB.get(20, TimeUnit.SECONDS);
    // Below the limit again: the same tenant reads as before.
    assertThat(replicaA.select("SELECT 1 AS one FORMAT JSONEachRow")).hasSize(1);
  }

  /** The tenant user's queries running now, seen by the server's own user. */
  private static long runningAsTenant() {
    return database
        .gateway()
        .select(
            "SELECT count() AS n FROM system.processes WHERE user = 'kubetel_tenant_c'"
                + " FORMAT JSONEachRow")
        .get(0)
        .path("n")
        .asLong();
  }
}
