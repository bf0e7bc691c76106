package io.kubetel.operator.query;

import io.kubetel.crds.common.KubetelDuration;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.QueryFilterOperator;
import io.kubetel.model.query.QueryValidator;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a TelemetryQuery embedded in an AlertRule or Dashboard beyond what the CRD schema can:
 * aggregations valid for the signal, parseable durations and times, filter arity, namespace
 * scoping, and — through the {@link QueryCatalog} — that the metric and attribute keys exist in the
 * stored data.
 */
public final class QuerySpecChecker {

  /** Field keys every signal understands (see QueryFilter's description). */
  public static final Set<String> BUILT_IN_KEYS =
      Set.of(
          "service", "namespace", "pod", "node", "severity", "status", "span", "kind", "traceId");

  private final CatalogLookup catalogs;

  /**
   * A checker; for namespaces without a catalog, existence of metrics and attributes is not
   * checked.
   */
  public QuerySpecChecker(CatalogLookup catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * Problems of {@code spec} evaluated in {@code namespace}; {@code variables} are dashboard
   * variable names usable as {@code $name} in filter values. Empty when the query is valid.
   *
   * @throws RuntimeException when the catalog cannot be consulted (storage unavailable)
   */
  public List<Problem> check(
      TelemetryQuerySpec spec, String namespace, String field, Set<String> variables) {
    List<Problem> out = new ArrayList<>();
    if (spec == null || spec.getSignal() == null) {
      out.add(new Problem("MissingSignal", field + ".signal", "signal is required"));
      return out;
    }
    Signal signal = spec.getSignal();
    if (signal == Signal.METRICS && blank(spec.getMetric())) {
      out.add(
          new Problem(
              "MissingMetric", field + ".metric", "metric is required when signal is metrics"));
    }
    if (signal != Signal.METRICS && !blank(spec.getMetric())) {
      out.add(
          new Problem(
              "UnexpectedMetric", field + ".metric", "metric applies only to the metrics signal"));
    }
    Aggregation agg = spec.getAggregation();
    if (signal == Signal.LOGS
        && agg != null
        && agg != Aggregation.COUNT
        && agg != Aggregation.RATE) {
      out.add(
          new Problem(
              "InvalidAggregation",
              field + ".aggregation",
              "aggregation "
                  + agg.name().toLowerCase(java.util.Locale.ROOT)
                  + " does not apply to logs; use count or rate"));
    }
    duration(spec.getStep(), field + ".step", out);
    Optional<Duration> range = duration(spec.getRange(), field + ".range", out);
    range
        .filter(r -> r.compareTo(QueryValidator.MAX_RANGE) > 0)
        .ifPresent(
            r ->
                out.add(
                    new Problem(
                        "InvalidTimeRange",
                        field + ".range",
                        "range is longer than the maximum of "
                            + QueryValidator.MAX_RANGE.toDays()
                            + "d")));
    Optional<Instant> start = instant(spec.getStart(), field + ".start", out);
    Optional<Instant> end = instant(spec.getEnd(), field + ".end", out);
    if (start.isPresent() && end.isPresent() && !start.get().isBefore(end.get())) {
      out.add(new Problem("InvalidTimeRange", field + ".start", "start must be before end"));
    }
    List<QueryFilter> filters = spec.getFilters() == null ? List.of() : spec.getFilters();
    for (int i = 0; i < filters.size(); i++) {
      filter(filters.get(i), namespace, field + ".filters[" + i + "]", variables, out);
    }
    if (!out.isEmpty()) {
      return out;
    }
    // Whatever else the API server's own validation would refuse (limits on filters, group-by
    // keys and points, keys unknown for the signal): the same code, so both always agree.
    for (String problem : QueryValidator.problems(spec, Instant.now())) {
      out.add(new Problem("InvalidQuery", field, problem));
    }
    if (!out.isEmpty()) {
      return out;
    }
    checkAgainstData(spec, namespace, field, out);
    return out;
  }

  private void filter(
      QueryFilter f, String namespace, String field, Set<String> variables, List<Problem> out) {
    QueryFilterOperator op = f.getOperator() == null ? QueryFilterOperator.Equals : f.getOperator();
    List<String> values = f.getValues() == null ? List.of() : f.getValues();
    boolean arityOk =
        switch (op) {
          case Equals, NotEquals -> values.size() == 1;
          case In, NotIn -> !values.isEmpty();
          case Exists, DoesNotExist -> values.isEmpty();
        };
    if (!arityOk) {
      out.add(
          new Problem(
              "InvalidFilter",
              field + ".values",
              "operator "
                  + op
                  + " needs "
                  + switch (op) {
                    case Equals, NotEquals -> "exactly one value";
                    case In, NotIn -> "at least one value";
                    case Exists, DoesNotExist -> "no values";
                  }
                  + ", got "
                  + values.size()));
      return;
    }
    for (String v : values) {
      if (v.startsWith("$") && !variables.contains(v.substring(1))) {
        out.add(
            new Problem(
                "UnknownVariable",
                field + ".values",
                "variable " + v + " is not declared in spec.variables"));
      }
    }
    if ("namespace".equals(f.getKey())
        && values.stream().anyMatch(Predicate.not(v -> v.equals(namespace) || v.startsWith("$")))) {
      out.add(
          new Problem(
              "ForeignNamespace",
              field,
              "queries are scoped to namespace "
                  + namespace
                  + "; a namespace filter cannot name another namespace"));
    }
  }

  private void checkAgainstData(
      TelemetryQuerySpec spec, String namespace, String field, List<Problem> out) {
    Optional<QueryCatalog> catalog = catalogs.forNamespace(namespace);
    if (catalog.isEmpty()) {
      return;
    }
    QueryCatalog c = catalog.get();
    Optional<String> ns = Optional.of(namespace);
    Optional<String> metric = Optional.ofNullable(spec.getMetric()).filter(m -> !m.isBlank());
    if (spec.getSignal() == Signal.METRICS
        && metric.isPresent()
        && !c.metricExists(metric.get(), ns)) {
      out.add(
          new Problem(
              "UnknownMetric",
              field + ".metric",
              "no data for metric " + metric.get() + " in namespace " + namespace));
      return;
    }
    Set<String> keys = null;
    List<String> groupBy = spec.getGroupBy() == null ? List.of() : spec.getGroupBy();
    for (int i = 0; i < groupBy.size(); i++) {
      String key = groupBy.get(i);
      if (isBuiltIn(key)) {
        continue;
      }
      if (keys == null) {
        keys = c.attributeKeys(spec.getSignal(), metric, ns);
      }
      if (!keys.contains(key)) {
        out.add(
            new Problem(
                "UnknownAttribute",
                field + ".groupBy[" + i + "]",
                "no "
                    + spec.getSignal().name().toLowerCase(java.util.Locale.ROOT)
                    + " in namespace "
                    + namespace
                    + " carry attribute "
                    + key));
      }
    }
  }

  private static boolean isBuiltIn(String key) {
    return BUILT_IN_KEYS.contains(key) || key.startsWith("resource.");
  }

  private static Optional<Duration> duration(String text, String field, List<Problem> out) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      Duration d = KubetelDuration.parse(text);
      if (d.isZero()) {
        out.add(new Problem("InvalidDuration", field, "duration must be greater than zero"));
        return Optional.empty();
      }
      return Optional.of(d);
    } catch (IllegalArgumentException e) {
      out.add(new Problem("InvalidDuration", field, e.getMessage()));
      return Optional.empty();
    }
  }

  private static Optional<Instant> instant(String text, String field, List<Problem> out) {
    if (blank(text)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      out.add(
          new Problem(
              "InvalidTime",
              field,
              "\"" + text + "\" is not an RFC 3339 time such as 2026-01-02T15:04:05Z"));
      return Optional.empty();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
