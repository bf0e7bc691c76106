package io.kubetel.model.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.model.traces.SpanEvent;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The read model handed from storage to the API server: windows are non-empty, requests bounded,
 * and every value is an immutable copy, so a reader cannot change what a page already returned.
 */
class ReadModelTest {
  static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void windowsAreHalfOpenAndNonEmpty() {
    TimeWindow w = TimeWindow.endingAt(T, Duration.ofMinutes(15));
    assertThat(w.length()).isEqualTo(Duration.ofMinutes(15));
    assertThat(w.contains(w.start())).isTrue();
    assertThat(w.contains(T)).isFalse();
    assertThatThrownBy(() -> new TimeWindow(T, T)).hasMessageContaining("must be before end");
  }

  @Test
  void listRequestsNeedAPositiveLimit() {
    TimeWindow w = TimeWindow.endingAt(T, Duration.ofMinutes(1));
    List<FieldFilter> filters = new ArrayList<>(List.of(FieldFilter.eq("pod", "a")));
    ListRequest r = new ListRequest(Optional.of("shop"), w, filters, Optional.empty(), 10, false);
    filters.clear();
    assertThat(r.filters()).hasSize(1);
    assertThatThrownBy(
            () -> new ListRequest(Optional.empty(), w, List.of(), Optional.empty(), 0, false))
        .hasMessageContaining("limit must be at least 1");
    Page<String> last = Page.last(List.of("a"));
    assertThat(last.next()).isEmpty();
    assertThat(new Cursor(List.of("t", "id")).parts()).containsExactly("t", "id");
  }

  @Test
  void valuesAreImmutableCopies() {
    Map<String, String> attrs = new HashMap<>(Map.of("k", "v"));
    LogEntry log =
        new LogEntry("n", "shop", T, "ERROR", 17, "svc", "pod", "body", "", "", attrs, attrs);
    SpanNode span =
        new SpanNode(
            "s1",
            "",
            "GET /",
            "Server",
            "svc",
            "shop",
            "pod",
            T,
            5,
            "Ok",
            "",
            attrs,
            List.of(new SpanEvent(T, "ev", attrs)),
            List.of());
    TraceSummary summary =
        new TraceSummary("t", "shop", "svc", "GET /", 1, 0, List.of("svc"), T, 5, "Ok");
    TraceDetail trace = new TraceDetail(summary, List.of(span));
    MetricStats stats = new MetricStats(T, T, 1, 1, 1, 1, 1, null, null, null, null);
    MetricSeries series =
        new MetricSeries(
            "n",
            "shop",
            "m",
            MetricType.GAUGE,
            "1",
            "",
            "svc",
            "pod",
            false,
            attrs,
            attrs,
            stats,
            List.of(new MetricPoint(T, 1, null)));
    QueryResult result =
        new QueryResult(
            T,
            T,
            60,
            Aggregation.AVG,
            List.of(new QueryResult.Series(attrs, List.of(new QueryResult.Point(T, 2)))));
    attrs.put("k", "changed");
    assertThat(log.attributes()).containsEntry("k", "v");
    assertThat(trace.roots().get(0).events().get(0).attributes()).containsEntry("k", "v");
    assertThat(series.resourceAttributes()).containsEntry("k", "v");
    assertThat(result.series().get(0).labels()).containsEntry("k", "v");
    assertThatThrownBy(() -> summary.services().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void storeFailuresSayWhatHappened() {
    Exception cause = new RuntimeException("boom");
    StoreLimitException limit =
        new StoreLimitException(StoreLimitException.Limit.ROWS_READ, "too many rows", cause);
    assertThat(limit.limit()).isEqualTo(StoreLimitException.Limit.ROWS_READ);
    assertThat(limit).hasMessage("too many rows").hasCause(cause);
    assertThat(new StoreUnavailableException("down", cause)).hasMessage("down").hasCause(cause);
  }
}
