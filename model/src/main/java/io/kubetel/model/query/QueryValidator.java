package io.kubetel.model.query;

import static io.kubetel.model.query.QueryProblem.INVALID_AGGREGATION;
import static io.kubetel.model.query.QueryProblem.INVALID_FILTER;
import static io.kubetel.model.query.QueryProblem.INVALID_GROUP_BY;
import static io.kubetel.model.query.QueryProblem.INVALID_METRIC;
import static io.kubetel.model.query.QueryProblem.MISSING_METRIC;
import static io.kubetel.model.query.QueryProblem.MISSING_SIGNAL;
import static io.kubetel.model.query.QueryProblem.UNEXPECTED_METRIC;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.metrics.MetricNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one validator of a {@link TelemetryQuerySpec}, used by the API server (creating a
 * TelemetryQuery, dry-run included), the operator (AlertRule and Dashboard queries) and the store
 * (before running a query). It needs no storage, applies {@link QueryLimits} and reports every
 * problem at once, in the order of the spec's fields, so users fix a query in one round trip.
 * Checks against stored data (does the metric exist?) are not its business.
 */
public final class QueryValidator {
  private static final Set<String> COMMON =
      Set.of(FieldKeys.SERVICE, FieldKeys.NAMESPACE, FieldKeys.POD, FieldKeys.NODE);

  /** The well-known keys that apply to each signal; the others are refused for it. */
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

  private static final Set<Aggregation> LOG_AGGREGATIONS =
      Set.of(Aggregation.COUNT, Aggregation.RATE);

  private QueryValidator() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> s = new HashSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }

  /** Every problem of {@code spec} evaluated at {@code now}; empty when it is valid. */
  public static List<QueryProblem> check(TelemetryQuerySpec spec, Instant now) {
    List<QueryProblem> problems = new ArrayList<>();
    resolve(spec, now, problems);
    return problems;
  }

  /**
   * The resolved query: defaults applied, times resolved.
   *
   * @throws InvalidQueryException listing every problem as {@code field: message}
   */
  public static ResolvedQuery validate(TelemetryQuerySpec spec, Instant now) {
    List<QueryProblem> problems = new ArrayList<>();
    ResolvedQuery q = resolve(spec, now, problems);
    if (!problems.isEmpty()) {
      throw new InvalidQueryException(describe(problems, ""));
    }
    return q;
  }

  /** The problems as {@code prefix.field: message}, e.g. with prefix {@code spec}. */
  public static List<String> describe(List<QueryProblem> problems, String prefix) {
    return problems.stream().map(p -> p.describe(prefix)).toList();
  }

  private static ResolvedQuery resolve(TelemetryQuerySpec spec, Instant now, List<QueryProblem> p) {
    if (spec == null) {
      p.add(QueryProblem.required(MISSING_SIGNAL, "", "the query is empty"));
      return null;
    }
    Signal signal = spec.getSignal();
    if (signal == null) {
      p.add(QueryProblem.required(MISSING_SIGNAL, "signal", "one of metrics, traces, logs"));
    }
    metric(signal, spec.getMetric(), p);
    Aggregation agg = spec.getAggregation();
    if (signal == Signal.LOGS && agg != null && !LOG_AGGREGATIONS.contains(agg)) {
      String name = agg.name().toLowerCase(Locale.ROOT);
      p.add(
          QueryProblem.unsupported(
              INVALID_AGGREGATION,
              "aggregation",
              name,
              name + " does not apply to logs, use count or rate"));
    }
    if (agg == null) {
      agg = signal == Signal.LOGS ? Aggregation.COUNT : Aggregation.AVG;
    }
    List<FieldFilter> filters = filters(spec.getFilters(), signal, p);
    List<String> groupBy = groupBy(spec.getGroupBy(), signal, p);
    QueryTimeRules.Times times = QueryTimeRules.resolve(spec, now, p);
    if (!p.isEmpty()) {
      return null;
    }
    return new ResolvedQuery(
        signal, spec.getMetric(), filters, agg, groupBy, times.window(), times.stepSeconds());
  }

  private static void metric(Signal signal, String metric, List<QueryProblem> p) {
    boolean given = metric != null && !metric.isEmpty();
    if (signal == Signal.METRICS && !given) {
      p.add(
          QueryProblem.required(
              MISSING_METRIC, "metric", "the metric name is required for signal metrics"));
    } else if (signal == Signal.METRICS) {
      MetricNames.problem(metric)
          .ifPresent(why -> p.add(QueryProblem.invalid(INVALID_METRIC, "metric", metric, why)));
    } else if (signal != null && given) {
      p.add(QueryProblem.forbidden(UNEXPECTED_METRIC, "metric", "only allowed for signal metrics"));
    }
  }

  private static List<FieldFilter> filters(
      List<QueryFilter> specFilters, Signal signal, List<QueryProblem> p) {
    List<QueryFilter> all = specFilters == null ? List.of() : specFilters;
    if (all.size() > QueryLimits.MAX_FILTERS) {
      p.add(QueryProblem.tooMany("filters", all.size(), QueryLimits.MAX_FILTERS));
    }
    List<FieldFilter> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      FieldFilter f = filter("filters[" + i + "]", all.get(i), signal, p);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static FieldFilter filter(String at, QueryFilter f, Signal signal, List<QueryProblem> p) {
    if (f == null) {
      p.add(QueryProblem.required(INVALID_FILTER, at, "a filter with key, operator and values"));
      return null;
    }
    boolean keyOk = key(at + ".key", f.getKey(), signal, INVALID_FILTER, p);
    // A missing operator takes the documented default, as Kubernetes defaults an unset field.
    QueryFilterOperator op = f.getOperator() == null ? QueryFilterOperator.Equals : f.getOperator();
    List<String> values = f.getValues() == null ? List.of() : f.getValues();
    if (values.stream().anyMatch(v -> v == null)) {
      p.add(
          new QueryProblem(
              INVALID_FILTER, at + ".values", "Invalid value: values must not be null"));
      return null;
    }
    String field = at + ".values";
    switch (op) {
      case Equals, NotEquals -> {
        if (values.size() != 1) {
          p.add(
              new QueryProblem(
                  INVALID_FILTER,
                  field,
                  "Invalid value: " + op + " needs exactly one value, got " + values.size()));
          return null;
        }
      }
      case In, NotIn -> {
        if (values.isEmpty()) {
          p.add(QueryProblem.required(INVALID_FILTER, field, op + " needs at least one value"));
          return null;
        }
      }
      case Exists, DoesNotExist -> {
        if (!values.isEmpty()) {
          p.add(QueryProblem.forbidden(INVALID_FILTER, field, op + " takes no values"));
          return null;
        }
      }
    }
    return keyOk ? new FieldFilter(f.getKey(), op.toFilterOperator(), values) : null;
  }

  private static List<String> groupBy(List<String> keys, Signal signal, List<QueryProblem> p) {
    List<String> all = keys == null ? List.of() : keys;
    if (all.size() > QueryLimits.MAX_GROUP_BY) {
      p.add(QueryProblem.tooMany("groupBy", all.size(), QueryLimits.MAX_GROUP_BY));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      String at = "groupBy[" + i + "]";
      String key = all.get(i);
      if (!key(at, key, signal, INVALID_GROUP_BY, p)) {
        continue;
      }
      if (FieldKeys.TYPE.equals(key)) {
        p.add(
            QueryProblem.unsupported(
                INVALID_GROUP_BY, at, key, "a query reads one metric of one type"));
      } else if (!seen.add(key)) {
        p.add(QueryProblem.duplicate(INVALID_GROUP_BY, at, key));
      }
    }
    return all;
  }

  /** Whether {@code key} is a field key that applies to {@code signal}; reports why not. */
  private static boolean key(
      String field, String key, Signal signal, String reason, List<QueryProblem> p) {
    if (key == null || key.isEmpty()) {
      p.add(QueryProblem.required(reason, field, "a field key such as service or http.route"));
      return false;
    }
    if (!FieldKeys.isValid(key)) {
      p.add(
          QueryProblem.invalid(
              reason,
              field,
              key,
              "not a field key: up to 255 letters, digits, '_', '.', '-' or '/', starting with a"
                  + " letter or '_'"));
      return false;
    }
    if (key.equals(FieldKeys.RESOURCE_PREFIX)) {
      p.add(
          QueryProblem.invalid(
              reason, field, key, "needs an attribute name, e.g. resource.k8s.deployment.name"));
      return false;
    }
    if (signal != null
        && FieldKeys.WELL_KNOWN.contains(key)
        && !WELL_KNOWN_FOR.get(signal).contains(key)) {
      String name = signal.name().toLowerCase(Locale.ROOT);
      p.add(QueryProblem.invalid(reason, field, key, "'" + key + "' does not apply to " + name));
      return false;
    }
    return true;
  }
}
