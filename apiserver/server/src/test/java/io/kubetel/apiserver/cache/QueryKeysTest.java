package io.kubetel.apiserver.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.testing.MutableClock;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.page.Cursor;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Cache key normalization: what shares an entry and what never does. */
class QueryKeysTest {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:02Z");

  final MutableClock clock = new MutableClock(NOW);
  final QueryKeys keys = new QueryKeys(clock, ResultCacheSettings.DEFAULTS);

  static ListRequest request(Instant end, List<FieldFilter> filters) {
    return new ListRequest(
        Optional.of("shop"),
        TimeWindow.endingAt(end, Duration.ofMinutes(15)),
        filters,
        Optional.empty(),
        500,
        false);
  }

  static final FieldFilter SERVICE = FieldFilter.eq("service", "cart");
  static final FieldFilter LEVEL_IN =
      new FieldFilter("severity", FilterOperator.IN, List.of("ERROR", "WARN"));
  static final FieldFilter LEVEL_IN_OTHER_ORDER =
      new FieldFilter("severity", FilterOperator.IN, List.of("WARN", "ERROR", "WARN"));

  @Test
  void selectorsInAnotherOrderShareAnEntry() {
    CacheKey a = keys.list("t1", "listLogs", request(NOW, List.of(SERVICE, LEVEL_IN)));
    CacheKey b = keys.list("t1", "listLogs", request(NOW, List.of(LEVEL_IN_OTHER_ORDER, SERVICE)));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void differentTenantsNeverShare() {
    ListRequest same = request(NOW, List.of(SERVICE));
    assertThat(keys.list("tenant-a", "listLogs", same))
        .isNotEqualTo(keys.list("tenant-b", "listLogs", same));
  }

  @Test
  void relativeWindowsInOneBucketShareAndTheNextBucketDoesNot() {
    // Default bucket 5 s: 12:00:02 and 12:00:04.9 are in one slot, 12:00:05 in the next.
    CacheKey first = keys.list("t", "listLogs", request(NOW, List.of()));
    CacheKey sameBucket = keys.list("t", "listLogs", request(NOW.plusMillis(2_900), List.of()));
    CacheKey nextBucket = keys.list("t", "listLogs", request(NOW.plusSeconds(3), List.of()));
    assertThat(first).isEqualTo(sameBucket);
    assertThat(first).isNotEqualTo(nextBucket);
    assertThat(first.past()).isFalse();
  }

  @Test
  void otherWindowLengthLimitCursorDetailOrOperationDoNotShare() {
    ListRequest base = request(NOW, List.of());
    CacheKey key = keys.list("t", "listLogs", base);
    ListRequest longer =
        new ListRequest(
            base.namespace(),
            TimeWindow.endingAt(NOW, Duration.ofMinutes(16)),
            List.of(),
            Optional.empty(),
            500,
            false);
    ListRequest limited =
        new ListRequest(base.namespace(), base.window(), List.of(), Optional.empty(), 10, false);
    ListRequest after =
        new ListRequest(
            base.namespace(),
            base.window(),
            List.of(),
            Optional.of(new Cursor(List.of("x"))),
            500,
            false);
    ListRequest detail =
        new ListRequest(base.namespace(), base.window(), List.of(), Optional.empty(), 500, true);
    assertThat(List.of(longer, limited, after, detail))
        .allSatisfy(r -> assertThat(keys.list("t", "listLogs", r)).isNotEqualTo(key));
    assertThat(keys.list("t", "listTraces", base)).isNotEqualTo(key);
  }

  @Test
  void pastWindowsAreKeyedByTheirExactBounds() {
    Instant end = NOW.minus(Duration.ofHours(2));
    CacheKey a = keys.list("t", "listLogs", request(end, List.of()));
    CacheKey b = keys.list("t", "listLogs", request(end.plusMillis(1), List.of()));
    assertThat(a.past()).isTrue();
    assertThat(a).isNotEqualTo(b);
    // ... and stay the same entry while time moves on.
    clock.advance(Duration.ofMinutes(1));
    assertThat(keys.list("t", "listLogs", request(end, List.of()))).isEqualTo(a);
  }

  @Test
  void queriesNormalizeFiltersAndBucketRelativeRanges() {
    TelemetryQuerySpec a = spec("15m", filter("service", "cart"), filter("pod", "p1"));
    TelemetryQuerySpec b = spec("15m", filter("pod", "p1"), filter("service", "cart"));
    Optional<String> ns = Optional.of("shop");
    assertThat(keys.query("t", a, ns, NOW)).isEqualTo(keys.query("t", b, ns, NOW.plusSeconds(2)));
    assertThat(keys.query("t", a, ns, NOW))
        .isNotEqualTo(keys.query("t", a, ns, NOW.plusSeconds(3)));
    assertThat(keys.query("t", a, ns, NOW)).isNotEqualTo(keys.query("u", a, ns, NOW));
    assertThat(keys.query("t", a, ns, NOW))
        .isNotEqualTo(keys.query("t", spec("1h", filter("service", "cart")), ns, NOW));
    TelemetryQuerySpec absolute = spec(null);
    absolute.setStart("2026-11-25T09:00:00Z");
    absolute.setEnd("2026-11-25T10:00:00Z");
    CacheKey past = keys.query("t", absolute, ns, NOW);
    assertThat(past.past()).isTrue();
    assertThat(keys.query("t", absolute, ns, NOW.plusSeconds(30))).isEqualTo(past);
  }

  static TelemetryQuerySpec spec(String range, QueryFilter... filters) {
    TelemetryQuerySpec spec = new TelemetryQuerySpec();
    spec.setSignal(Signal.METRICS);
    spec.setMetric("latency");
    spec.setRange(range);
    spec.setFilters(List.of(filters));
    return spec;
  }

  static QueryFilter filter(String key, String value) {
    QueryFilter f = new QueryFilter();
    f.setKey(key);
    f.setOperator(QueryFilterOperator.Equals);
    f.setValues(List.of(value));
    return f;
  }
}
