package io.kubetel.apiserver.cache;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.model.window.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds normalized {@link CacheKey}s: filters sorted (with the values of set operators sorted and
 * duplicates dropped), so selectors written in another order share an entry; windows turned into
 * {@link CacheKey.TimeSlot}s by the cache's bucket and past threshold; TelemetryQuery specs reduced
 * to the fields that decide their answer.
 */
public final class QueryKeys {
  private static final Comparator<FieldFilter> FILTER_ORDER =
      Comparator.comparing(FieldFilter::key)
          .thenComparing(FieldFilter::operator)
          .thenComparing(f -> String.join("\u0000", f.values()));

  private final Clock clock;
  private final long bucketMillis;
  private final long pastAfterMillis;

  public QueryKeys(Clock clock, ResultCacheSettings settings) {
    this.clock = clock;
    this.bucketMillis = settings.bucket().toMillis();
    this.pastAfterMillis = settings.pastAfter().toMillis();
  }

  /** The key of a list read. */
  public CacheKey list(Object tenant, String operation, ListRequest request) {
    return new CacheKey(
        tenant,
        operation,
        List.of(
            request.namespace(),
            filters(request.filters()),
            request.after(),
            request.limit(),
            request.detail()),
        slot(request.window()));
  }

  /** The key of a get by name, in a window (empty when the read takes none). */
  public CacheKey get(
      Object tenant, String operation, String namespace, String name, Optional<TimeWindow> window) {
    return new CacheKey(
        tenant,
        operation,
        Arrays.asList(namespace == null ? "" : namespace, name),
        window.map(this::slot).orElseGet(this::now));
  }

  /** The key of a catalog lookup or any read bound only to the present. */
  public CacheKey present(Object tenant, String operation, List<Object> arguments) {
    return new CacheKey(tenant, operation, arguments, now());
  }

  /**
   * The key of a TelemetryQuery run: absolute ranges that ended in the past by their bounds,
   * relative ones ({@code range}, or no {@code end}) by the bucket of {@code now}.
   */
  public CacheKey query(
      Object tenant, TelemetryQuerySpec spec, Optional<String> namespace, Instant now) {
    List<Object> parts = new ArrayList<>();
    parts.add(namespace);
    parts.add(String.valueOf(spec.getSignal()));
    parts.add(String.valueOf(spec.getMetric()));
    parts.add(queryFilters(spec.getFilters()));
    parts.add(String.valueOf(spec.getAggregation()));
    parts.add(spec.getGroupBy() == null ? List.of() : List.copyOf(spec.getGroupBy()));
    parts.add(String.valueOf(spec.getStep()));
    parts.add(String.valueOf(spec.getRange()));
    parts.add(String.valueOf(spec.getStart()));
    parts.add(String.valueOf(spec.getEnd()));
    Optional<Instant> start = instant(spec.getStart());
    Optional<Instant> end = instant(spec.getEnd());
    CacheKey.TimeSlot time =
        start.isPresent() && end.isPresent() && start.get().isBefore(end.get())
            ? slot(new TimeWindow(start.get(), end.get()))
            : live(0, now);
    return new CacheKey(tenant, "run", parts, time);
  }

  /** The slot of a window: exact bounds when it ended long enough ago, else length and bucket. */
  public CacheKey.TimeSlot slot(TimeWindow window) {
    long end = window.end().toEpochMilli();
    if (end <= clock.millis() - pastAfterMillis) {
      return new CacheKey.TimeSlot(true, window.start().toEpochMilli(), end);
    }
    return live(window.length().toMillis(), window.end());
  }

  private CacheKey.TimeSlot now() {
    return live(0, clock.instant());
  }

  private CacheKey.TimeSlot live(long lengthMillis, Instant end) {
    return new CacheKey.TimeSlot(
        false, lengthMillis, Math.floorDiv(end.toEpochMilli(), bucketMillis));
  }

  /** Filters in canonical order; set operators' values sorted; exact duplicates dropped. */
  static List<FieldFilter> filters(List<FieldFilter> filters) {
    return filters.stream().map(QueryKeys::canonical).distinct().sorted(FILTER_ORDER).toList();
  }

  private static FieldFilter canonical(FieldFilter f) {
    if (f.operator() == FilterOperator.IN || f.operator() == FilterOperator.NOT_IN) {
      return new FieldFilter(
          f.key(), f.operator(), f.values().stream().distinct().sorted().toList());
    }
    return f;
  }

  private static List<String> queryFilters(List<QueryFilter> filters) {
    if (filters == null) {
      return List.of();
    }
    return filters.stream()
        .map(
            f -> {
              List<String> values = f.getValues() == null ? List.of() : f.getValues();
              if (f.getOperator() == QueryFilterOperator.In
                  || f.getOperator() == QueryFilterOperator.NotIn) {
                values = values.stream().distinct().sorted().toList();
              }
              // Unit separators keep "a,b" as one value apart from "a" and "b".
              return f.getKey()
                  + "\u001f"
                  + f.getOperator()
                  + "\u001f"
                  + String.join("\u001f", values);
            })
        .distinct()
        .sorted()
        .toList();
  }

  private static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty(); // the run rejects it; an error is never cached
    }
  }
}
