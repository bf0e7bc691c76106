package io.kubetel.apiserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The routing store: each namespace's reads reach its tenant's store, the concurrency quota answers
 * 429 with Retry-After, an unservable tenant 503, and ClickHouse refusing a tenant's user 403/503.
 */
class TenantRoutingStoreTest {
  private static final TenantScope OWN = TenantScope.untenanted("otel", TenantQuotas.CRD_DEFAULTS);

  private final Map<String, Function<String, Boolean>> behaviour = new ConcurrentHashMap<>();
  private final Map<String, TenantScope> opened = new ConcurrentHashMap<>();

  @Test
  void eachNamespaceReadsThroughItsTenantsStore() {
    TenantRoutingStore store = routing(tenant("shop", "shop_db", 10), tenant("pay", "pay_db", 10));
    behaviour.put("shop_db", metric -> metric.equals("in-shop"));
    behaviour.put("pay_db", metric -> metric.equals("in-pay"));
    behaviour.put("otel", metric -> metric.equals("in-otel"));

    assertThat(store.metricExists("in-shop", Optional.of("shop"))).isTrue();
    assertThat(store.metricExists("in-pay", Optional.of("shop"))).isFalse();
    assertThat(store.metricExists("in-pay", Optional.of("pay"))).isTrue();
    assertThat(store.metricExists("in-otel", Optional.of("nobodys"))).isTrue();
    assertThat(store.metricExists("in-pay", Optional.empty())).as("all namespaces").isTrue();
    assertThat(opened.get("shop_db").credentials().get().user()).isEqualTo("shop_user");
  }

  @Test
  void pastTheConcurrencyQuotaA429WithRetryAfter() throws Exception {
    TenantRoutingStore store = routing(tenant("shop", "shop_db", 1));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    behaviour.put(
        "shop_db",
        metric -> {
          entered.countDown();
          await(release);
          return true;
        });
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(() -> store.metricExists("m", Optional.of("shop")));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> store.metricExists("m", Optional.of("shop")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(429);
              assertThat(e.reason()).isEqualTo("TooManyRequests");
              assertThat(e.retryAfterSeconds()).isEqualTo(1);
              assertThat(e.getMessage()).contains("tenant \"shop\"", "maxConcurrentQueries=1");
            });
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.metricExists("m", Optional.of("shop"))).as("the permit came back").isTrue();
  }

  @Test
  void anUnservableTenantIsA503AndNeverTheDefaultDatabase() {
    TenantRoutingStore store = routing(tenant("pending", null, 10));
    java.util.concurrent.atomic.AtomicInteger defaultReads =
        new java.util.concurrent.atomic.AtomicInteger();
    behaviour.put(
        "otel",
        metric -> {
          defaultReads.incrementAndGet();
          return true;
        });

    assertThatThrownBy(() -> store.metricExists("m", Optional.of("pending")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(503);
              assertThat(e.retryAfterSeconds()).isNull();
              assertThat(e.getMessage()).contains("tenant \"pending\" is not ready");
            });
    assertThat(defaultReads).as("reads of the default database").hasValue(0);
    assertThat(opened).as("tenant stores opened").isEmpty();
  }

  @Test
  void clickHouseRefusingTheTenantsUserIsForbiddenOrUnavailable() {
    TenantRoutingStore store = routing(tenant("shop", "shop_db", 10), tenant("pay", "pay_db", 10));
    behaviour.put(
        "shop_db",
        metric -> {
          throw new StoreAccessDeniedException("Code: 291", false, null);
        });
    behaviour.put(
        "pay_db",
        metric -> {
          throw new StoreAccessDeniedException("Code: 516", true, null);
        });

    assertThatThrownBy(() -> store.metricExists("m", Optional.of("shop")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(403);
              assertThat(e.getMessage()).contains("database \"shop_db\"");
            });
    assertThatThrownBy(() -> store.metricExists("m", Optional.of("pay")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(503));
  }

  /** A tenant owning the namespace named like it, read as user {@code <name>_user}. */
  private static TenantDefinition tenant(String name, String database, int concurrency) {
    return new TenantDefinition(
        name,
        "",
        List.of(name),
        Optional.ofNullable(database),
        Optional.of(name + "-ch"),
        io.kubetel.model.json.Json.mapper()
            .createObjectNode()
            .put("maxConcurrentQueries", concurrency));
  }

  private TenantRoutingStore routing(TenantDefinition... tenants) {
    Map<String, ClickHouseCredentials> secrets = new java.util.HashMap<>();
    for (TenantDefinition t : tenants) {
      secrets.put(t.name() + "-ch", new ClickHouseCredentials(t.name() + "_user", "pw"));
    }
    TenantIndex index =
        TenantIndex.build(List.of(tenants), secrets, OWN, TenantQuotas.CRD_DEFAULTS);
    TenantStores stores =
        new TenantStores(
            new FakeStore("otel"),
            scope -> {
              opened.put(scope.database().get(), scope);
              return new FakeStore(scope.database().get());
            },
            16,
            Duration.ofSeconds(1));
    return new TenantRoutingStore(
        new TenantDirectory(index), stores, new TenantConcurrency(16, QuotaShare.WHOLE));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A store answering metricExists from the test's behaviour for its database. */
  private final class FakeStore implements TelemetryStore {
    private final String database;

    FakeStore(String database) {
      this.database = database;
    }

    @Override
    public boolean metricExists(String metricName, Optional<String> namespace) {
      return behaviour.getOrDefault(database, m -> false).apply(metricName);
    }

    @Override
    public Page<MetricSeries> listSeries(ListRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<MetricSeries> getSeries(String namespace, String name, TimeWindow window) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<TraceSummary> listTraces(ListRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TraceDetail> getTrace(String namespace, String traceId, TimeWindow window) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Page<LogEntry> listLogs(ListRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<LogEntry> getLog(String namespace, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public QueryResult run(TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> attributeKeys(
        Signal signal, Optional<String> metricName, Optional<String> namespace) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void ping() {}

    @Override
    public void close() {}
  }
}
