package io.kubetel.apiserver.cache;

import static io.kubetel.apiserver.testing.Fixtures.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.model.window.TimeWindow;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caching decorator over a real (in-memory) store: what reaches storage and what does not. */
class CachingTelemetryStoreTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:01Z");

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryTelemetryStore store = new InMemoryTelemetryStore(clock);
  final ResultCacheMetrics metrics = new ResultCacheMetrics(new SimpleMeterRegistry());
  CachingTelemetryStore cached;

  @BeforeEach
  void setUp() {
    for (String ns : List.of("shop", "bank")) {
      store.addLog(log(ns + "-1", ns, NOW.minusSeconds(60), "ERROR", "cart", "boom", "", Map.of()));
      store.addLog(log(ns + "-2", ns, NOW.minusSeconds(30), "INFO", "cart", "ok", "", Map.of()));
    }
    ResultCache cache = new ResultCache(ResultCacheSettings.DEFAULTS, metrics);
    // Each namespace its own tenant, as TenancyWiring's scope makes it.
    CacheScope tenants = ns -> ns.map(n -> "tenant-of-" + n).orElse("all");
    cached =
        new CachingTelemetryStore(
            store, cache, tenants, new QueryKeys(clock, ResultCacheSettings.DEFAULTS));
  }

  ListRequest logs(String namespace, FieldFilter... filters) {
    return new ListRequest(
        Optional.of(namespace),
        TimeWindow.endingAt(clock.instant(), Duration.ofMinutes(15)),
        List.of(filters),
        Optional.empty(),
        100,
        false);
  }

  static final FieldFilter CART = FieldFilter.eq("service", "cart");
  static final FieldFilter SEVERITY =
      new FieldFilter("severity", FilterOperator.IN, List.of("ERROR", "INFO"));

  @Test
  void selectorsInAnotherOrderAreOneStorageRead() {
    Page<LogEntry> first = cached.listLogs(logs("shop", CART, SEVERITY));
    Page<LogEntry> second = cached.listLogs(logs("shop", SEVERITY, CART));
    assertThat(second).isEqualTo(first);
    assertThat(first.items()).extracting(LogEntry::name).containsExactly("shop-1", "shop-2");
    assertThat(store.listCalls).hasValue(1);
    assertThat(metrics.hits()).isEqualTo(1);
  }

  @Test
  void anotherTenantsIdenticalRequestReadsItsOwnData() {
    cached.listLogs(logs("shop", CART));
    // Same selectors and window; the namespace decides the tenant, and the tenant the entry.
    Page<LogEntry> bank = cached.listLogs(logs("bank", CART));
    assertThat(bank.items()).extracting(LogEntry::namespace).containsOnly("bank");
    assertThat(store.listCalls).hasValue(2);
    assertThat(metrics.hits()).isZero();
  }

  @Test
  void oneTenantIdentityNeverSharesWithAnotherEvenForTheSameNamespace() {
    ResultCache cache = new ResultCache(ResultCacheSettings.DEFAULTS, metrics);
    QueryKeys keys = new QueryKeys(clock, ResultCacheSettings.DEFAULTS);
    String[] tenant = {"a"};
    CachingTelemetryStore scoped = new CachingTelemetryStore(store, cache, ns -> tenant[0], keys);
    scoped.listLogs(logs("shop"));
    tenant[0] = "b"; // e.g. the namespace moved to another TelemetryTenant
    scoped.listLogs(logs("shop"));
    assertThat(store.listCalls).hasValue(2);
  }

  @Test
  void theNextTimeBucketReadsAgainAndSeesNewData() {
    cached.listLogs(logs("shop"));
    store.addLog(log("shop-3", "shop", NOW, "INFO", "cart", "new", "", Map.of()));
    clock.advance(Duration.ofSeconds(2)); // 12:00:03, same 5 s bucket: cached
    assertThat(cached.listLogs(logs("shop")).items()).hasSize(2);
    clock.advance(Duration.ofSeconds(2)); // 12:00:05, next bucket
    assertThat(cached.listLogs(logs("shop")).items()).hasSize(3);
    assertThat(store.listCalls).hasValue(2);
  }

  @Test
  void errorsAreNotCached() {
    store.failWith(() -> new StoreUnavailableException("ClickHouse is down", null));
    assertThatThrownBy(() -> cached.listLogs(logs("shop")))
        .isInstanceOf(StoreUnavailableException.class);
    store.failWith(null);
    assertThat(cached.listLogs(logs("shop")).items()).hasSize(2);
    assertThat(metrics.misses()).isEqualTo(2);
    assertThat(metrics.hits()).isZero();
  }

  @Test
  void getsAndNotFoundAnswersAreCachedPerName() {
    assertThat(cached.getLog("shop", "shop-1")).isPresent();
    assertThat(cached.getLog("shop", "nope")).isEmpty();
    store.addLog(log("nope", "shop", NOW, "INFO", "cart", "late", "", Map.of()));
    assertThat(cached.getLog("shop", "nope")).isEmpty(); // until the bucket turns
    clock.advance(Duration.ofSeconds(5));
    assertThat(cached.getLog("shop", "nope")).isPresent();
    assertThat(metrics.misses()).isEqualTo(3);
  }
}
