package io.kubetel.model.query;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.window.Durations;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a {@link TelemetryQuerySpec} without touching storage and reports every problem at
 * once, so users fix a query in one round trip (AlertRule/Dashboard validation uses the same
 * rules).
 */
public final class QueryValidator {
  public static final Duration DEFAULT_RANGE = Duration.ofMinutes(15);
  public static final Duration MAX_RANGE = Duration.ofDays(31);
  public static final Duration MIN_STEP = Duration.ofSeconds(1);
  public static final long MAX_POINTS = 11_000;
  public static final int DEFAULT_POINTS = 60;
  public static final int MAX_GROUP_BY = 8;
  public static final int MAX_FILTERS = 32;

  private static final Set<String> COMMON =
      Set.of(FieldKeys.SERVICE, FieldKeys.NAMESPACE, FieldKeys.POD, FieldKeys.NODE);
  private static final Map<Signal, Set<String>> WELL_KNOWN_FOR =
      Map.of(
          Signal.METRICS,
          union(COMMON, Set.of(FieldKeys.METRIC, FieldKeys.TYPE)),
          Signal.TRACES,
          union(
              COMMON,
              Set.of(
                  FieldKeys.TRACE_ID,
                  FieldKeys.SPAN_ID,
                  FieldKeys.STATUS,
                  FieldKeys.SPAN,
                  FieldKeys.KIND)),
          Signal.LOGS,
          union(COMMON, Set.of(FieldKeys.SEVERITY, FieldKeys.TRACE_ID, FieldKeys.SPAN_ID)));

  private QueryValidator() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /** Every problem of the spec; empty when it is valid. */
  public static List<String> problems(TelemetryQuerySpec spec, Instant now) {
    List<String> problems = new ArrayList<>();
    resolve(spec, now, problems);
    return problems;
  }

  /**
   * The resolved query.
   *
   * @throws InvalidQueryException listing every problem
   */
  public static ResolvedQuery validate(TelemetryQuerySpec spec, Instant now) {
    List<String> problems = new ArrayList<>();
    ResolvedQuery q = resolve(spec, now, problems);
    if (!problems.isEmpty()) {
      throw new InvalidQueryException(problems);
    }
    return q;
  }

  private static ResolvedQuery resolve(TelemetryQuerySpec spec, Instant now, List<String> p) {
    if (spec == null) {
      p.add("query is empty");
      return null;
    }
    Signal signal = spec.getSignal();
    if (signal == null) {
      p.add("signal is required: metrics, traces or logs");
    }
    String metric = spec.getMetric();
    if (signal == Signal.METRICS && (metric == null || metric.isBlank())) {
      p.add("metric is required when signal is metrics");
    } else if (metric != null && metric.length() > 1024) {
      p.add("metric name is longer than 1024 characters");
    }

    TimeWindow window = window(spec, now, p);

    Aggregation agg = spec.getAggregation();
    if (agg == null) {
      agg = signal == Signal.LOGS ? Aggregation.COUNT : Aggregation.AVG;
    }
    if (signal == Signal.LOGS && agg != Aggregation.COUNT && agg != Aggregation.RATE) {
      p.add(
          "aggregation "
              + agg.name().toLowerCase(Locale.ROOT)
              + " does not apply to logs: use count or rate");
    }

    long stepSeconds = step(spec, window, p);

    List<FieldFilter> filters = new ArrayList<>();
    List<QueryFilter> specFilters = spec.getFilters() == null ? List.of() : spec.getFilters();
    if (specFilters.size() > MAX_FILTERS) {
      p.add("at most " + MAX_FILTERS + " filters are allowed, got " + specFilters.size());
    }
    for (int i = 0; i < specFilters.size(); i++) {
      FieldFilter f = filter(i, specFilters.get(i), signal, p);
      if (f != null) {
        filters.add(f);
      }
    }
    List<String> groupBy = spec.getGroupBy() == null ? List.of() : spec.getGroupBy();
    if (groupBy.size() > MAX_GROUP_BY) {
      p.add("at most " + MAX_GROUP_BY + " groupBy keys are allowed, got " + groupBy.size());
    }
    Set<String> seen = new HashSet<>();
    for (String key : groupBy) {
      checkKey("groupBy key", key, signal, p);
      if (FieldKeys.TYPE.equals(key)) {
        p.add("groupBy key 'type' is not supported: a query reads one metric of one type");
      }
      if (key != null && !seen.add(key)) {
        p.add("groupBy key '" + key + "' is repeated");
      }
    }
    if (!p.isEmpty()) {
      return null;
    }
    return new ResolvedQuery(signal, metric, filters, agg, groupBy, window, stepSeconds);
  }

  private static TimeWindow window(TelemetryQuerySpec spec, Instant now, List<String> p) {
    Instant end = now;
    boolean ok = true;
    if (spec.getEnd() != null && !spec.getEnd().isBlank()) {
      Instant e = instant("end", spec.getEnd(), p);
      ok &= e != null;
      end = e == null ? now : e;
    }
    Instant start = null;
    if (spec.getStart() != null && !spec.getStart().isBlank()) {
      start = instant("start", spec.getStart(), p);
      ok &= start != null;
    } else {
      Duration range = DEFAULT_RANGE;
      if (spec.getRange() != null && !spec.getRange().isBlank()) {
        try {
          range = Durations.parse(spec.getRange());
        } catch (IllegalArgumentException e) {
          p.add("range: " + e.getMessage());
          ok = false;
        }
      }
      if (ok && range.isZero()) {
        p.add("range must be longer than 0s");
        ok = false;
      }
      start = end.minus(range);
    }
    if (!ok || start == null) {
      return null;
    }
    if (!start.isBefore(end)) {
      p.add("start " + start + " must be before end " + end);
      return null;
    }
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      p.add("the time range is longer than the maximum of 31d; shorten range or start/end");
      return null;
    }
    return new TimeWindow(start, end);
  }

  private static Instant instant(String field, String text, List<String> p) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      p.add(field + " '" + text + "' is not an RFC 3339 time such as 2026-11-25T10:00:00Z");
      return null;
    }
  }

  private static long step(TelemetryQuerySpec spec, TimeWindow window, List<String> p) {
    if (spec.getStep() == null || spec.getStep().isBlank()) {
      if (window == null) {
        return 0;
      }
      long seconds = (window.length().toSeconds() + DEFAULT_POINTS - 1) / DEFAULT_POINTS;
      return Math.max(1, seconds);
    }
    Duration step;
    try {
      step = Durations.parse(spec.getStep());
    } catch (IllegalArgumentException e) {
      p.add("step: " + e.getMessage());
      return 0;
    }
    if (step.compareTo(MIN_STEP) < 0) {
      p.add("step " + spec.getStep() + " is shorter than the minimum of 1s");
      return 0;
    }
    if (step.toMillis() % 1000 != 0) {
      p.add("step " + spec.getStep() + " must be a whole number of seconds");
      return 0;
    }
    if (window != null) {
      if (step.compareTo(window.length()) > 0) {
        p.add("step " + spec.getStep() + " is longer than the time range");
      } else if (window.length().toSeconds() / step.toSeconds() > MAX_POINTS) {
        p.add(
            "step "
                + spec.getStep()
                + " gives more than "
                + MAX_POINTS
                + " points per series over the range; use a larger step");
      }
    }
    return step.toSeconds();
  }

  private static FieldFilter filter(int i, QueryFilter f, Signal signal, List<String> p) {
    String where = "filters[" + i + "]";
    if (f == null) {
      p.add(where + " is empty");
      return null;
    }
    boolean keyOk = checkKey(where + ".key", f.getKey(), signal, p);
    if (f.getOperator() == null) {
      p.add(where + ".operator is required");
      return null;
    }
    List<String> values = f.getValues() == null ? List.of() : f.getValues();
    if (values.stream().anyMatch(v -> v == null)) {
      p.add(where + ".values must not contain null");
      return null;
    }
    try {
      FieldFilter ff =
          new FieldFilter(
              f.getKey() == null ? "" : f.getKey(), f.getOperator().toFilterOperator(), values);
      return keyOk ? ff : null;
    } catch (IllegalArgumentException e) {
      p.add(
          where
              + ": operator "
              + f.getOperator()
              + switch (f.getOperator()) {
                case Equals, NotEquals -> " needs exactly one value";
                case In, NotIn -> " needs at least one value";
                case Exists, DoesNotExist -> " takes no values";
              }
              + ", got "
              + values.size());
      return null;
    }
  }

  private static boolean checkKey(String what, String key, Signal signal, List<String> p) {
    if (!FieldKeys.isValid(key)) {
      p.add(what + " '" + key + "' is not a valid field key");
      return false;
    }
    if (key.equals(FieldKeys.RESOURCE_PREFIX)) {
      p.add(what + " 'resource.' needs an attribute name");
      return false;
    }
    if (signal != null
        && FieldKeys.WELL_KNOWN.contains(key)
        && !WELL_KNOWN_FOR.get(signal).contains(key)) {
      p.add(what + " '" + key + "' does not apply to " + signal.name().toLowerCase(Locale.ROOT));
      return false;
    }
    return true;
  }
}
