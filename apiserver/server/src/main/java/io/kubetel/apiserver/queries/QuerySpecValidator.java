package io.kubetel.apiserver.queries;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.InvalidObjectException;
import io.kubetel.apiserver.selection.Durations;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryFilter;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a TelemetryQuery spec before it reaches storage and reports every problem at once (422
 * Invalid, one {@code field: problem} per problem), so {@code --dry-run=server} is a full check.
 * Storage validates again against real data.
 */
public final class QuerySpecValidator {
  private static final int MAX_FILTERS = 32;
  private static final int MAX_GROUP_BY = 8;
  private static final Set<Aggregation> LOG_AGGREGATIONS =
      Set.of(Aggregation.COUNT, Aggregation.RATE);

  private QuerySpecValidator() {}

  /** Throws a 422 listing every problem of {@code spec}. */
  public static void check(TelemetryQuerySpec spec, String name) {
    List<String> problems = problems(spec);
    if (!problems.isEmpty()) {
      throw new InvalidObjectException(QueryBodyParser.KIND, name, problems);
    }
  }

  /** Every problem of {@code spec}, as {@code field: problem}. */
  public static List<String> problems(TelemetryQuerySpec spec) {
    List<String> out = new ArrayList<>();
    Signal signal = spec.getSignal();
    if (signal == null) {
      out.add("spec.signal: Required value: one of metrics, traces, logs");
    }
    String metric = spec.getMetric();
    if (signal == Signal.METRICS) {
      if (metric == null || metric.isEmpty()) {
        out.add("spec.metric: Required value: the metric name is required for signal metrics");
      } else {
        ValueRules.METRIC
            .problem(metric)
            .ifPresent(p -> out.add("spec.metric: Invalid value: " + p));
      }
    } else if (signal != null && metric != null && !metric.isEmpty()) {
      out.add("spec.metric: Forbidden: only allowed for signal metrics");
    }
    Aggregation agg = spec.getAggregation();
    if (signal == Signal.LOGS && agg != null && !LOG_AGGREGATIONS.contains(agg)) {
      out.add(
          "spec.aggregation: Unsupported value: \""
              + agg.name().toLowerCase(java.util.Locale.ROOT)
              + "\": logs support count and rate");
    }
    List<QueryFilter> filters = spec.getFilters() == null ? List.of() : spec.getFilters();
    if (filters.size() > MAX_FILTERS) {
      out.add("spec.filters: Too many: " + filters.size() + ": must have at most " + MAX_FILTERS);
    }
    for (int i = 0; i < filters.size(); i++) {
      filter(filters.get(i), "spec.filters[" + i + "]", out);
    }
    List<String> groupBy = spec.getGroupBy() == null ? List.of() : spec.getGroupBy();
    if (groupBy.size() > MAX_GROUP_BY) {
      out.add("spec.groupBy: Too many: " + groupBy.size() + ": must have at most " + MAX_GROUP_BY);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < groupBy.size(); i++) {
      String key = groupBy.get(i);
      if (!FieldKeys.isValid(key)) {
        out.add("spec.groupBy[" + i + "]: Invalid value: \"" + key + "\": not a field key");
      } else if (!seen.add(key)) {
        out.add("spec.groupBy[" + i + "]: Duplicate value: \"" + key + "\"");
      }
    }
    duration(spec.getStep(), "spec.step", out);
    duration(spec.getRange(), "spec.range", out);
    Instant start = time(spec.getStart(), "spec.start", out);
    Instant end = time(spec.getEnd(), "spec.end", out);
    if (start != null && end != null && !start.isBefore(end)) {
      out.add("spec.end: Invalid value: \"" + spec.getEnd() + "\": must be after spec.start");
    }
    return out;
  }

  private static void filter(QueryFilter f, String path, List<String> out) {
    if (f == null) {
      out.add(path + ": Required value");
      return;
    }
    if (f.getKey() == null || f.getKey().isEmpty()) {
      out.add(path + ".key: Required value");
    } else if (!FieldKeys.isValid(f.getKey())) {
      out.add(path + ".key: Invalid value: \"" + f.getKey() + "\": not a field key");
    }
    if (f.getOperator() == null) {
      out.add(path + ".operator: Required value");
      return;
    }
    int n = f.getValues() == null ? 0 : f.getValues().size();
    if (f.getValues() != null && f.getValues().stream().anyMatch(v -> v == null)) {
      out.add(path + ".values: Invalid value: values must not be null");
    }
    switch (f.getOperator()) {
      case Equals, NotEquals -> {
        if (n != 1) {
          out.add(
              path
                  + ".values: Invalid value: "
                  + f.getOperator()
                  + " needs exactly 1 value, got "
                  + n);
        }
      }
      case In, NotIn -> {
        if (n == 0) {
          out.add(path + ".values: Required value: " + f.getOperator() + " needs at least 1 value");
        }
      }
      case Exists, DoesNotExist -> {
        if (n != 0) {
          out.add(path + ".values: Forbidden: " + f.getOperator() + " takes no values");
        }
      }
    }
  }

  private static void duration(String text, String path, List<String> out) {
    if (text == null || text.isEmpty()) {
      return;
    }
    try {
      Durations.parsePositive(text, path);
    } catch (ApiException e) {
      out.add(path + ": Invalid value: " + e.getMessage());
    }
  }

  private static Instant time(String text, String path, List<String> out) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      out.add(path + ": Invalid value: \"" + text + "\": not an RFC 3339 time");
      return null;
    }
  }
}
