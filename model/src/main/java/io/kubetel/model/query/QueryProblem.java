package io.kubetel.model.query;

import io.kubetel.model.text.Printable;

/**
 * One thing wrong with a TelemetryQuery, written like a Kubernetes field error so kubectl users
 * recognise it: {@code field} is the path inside the query ({@code step}, {@code
 * filters[0].values}; empty for the query as a whole), {@code message} starts with the error type
 * ({@code Required value}, {@code Invalid value: "x": ...}, {@code Unsupported value}, {@code
 * Forbidden}, {@code Duplicate value}, {@code Too many}), and {@code reason} is a CamelCase code
 * for conditions.
 */
public record QueryProblem(String reason, String field, String message) {
  /** The signal is missing. */
  public static final String MISSING_SIGNAL = "MissingSignal";

  /** The metric is missing for signal metrics. */
  public static final String MISSING_METRIC = "MissingMetric";

  /** A metric is given for a signal other than metrics. */
  public static final String UNEXPECTED_METRIC = "UnexpectedMetric";

  /** The metric name breaks the metric-name rule. */
  public static final String INVALID_METRIC = "InvalidMetric";

  /** The aggregation does not apply to the signal. */
  public static final String INVALID_AGGREGATION = "InvalidAggregation";

  /** A filter is malformed: key, operator or values. */
  public static final String INVALID_FILTER = "InvalidFilter";

  /** A group-by key is malformed, repeated or does not apply. */
  public static final String INVALID_GROUP_BY = "InvalidGroupBy";

  /** More filters or group-by keys than allowed. */
  public static final String TOO_MANY = "TooMany";

  /** Step or range is not a valid duration. */
  public static final String INVALID_DURATION = "InvalidDuration";

  /** Start or end is not an RFC 3339 time. */
  public static final String INVALID_TIME = "InvalidTime";

  /** The time range is empty, reversed or too long. */
  public static final String INVALID_TIME_RANGE = "InvalidTimeRange";

  /** The step does not fit the time range or the limits. */
  public static final String INVALID_STEP = "InvalidStep";

  /** {@code field: Required value: detail}. */
  public static QueryProblem required(String reason, String field, String detail) {
    return new QueryProblem(reason, field, "Required value: " + detail);
  }

  /** {@code field: Invalid value: "value": detail}. */
  public static QueryProblem invalid(String reason, String field, String value, String detail) {
    return new QueryProblem(reason, field, "Invalid value: " + quote(value) + ": " + detail);
  }

  /** {@code field: Unsupported value: "value": detail}. */
  public static QueryProblem unsupported(String reason, String field, String value, String detail) {
    return new QueryProblem(reason, field, "Unsupported value: " + quote(value) + ": " + detail);
  }

  /** {@code field: Forbidden: detail}. */
  public static QueryProblem forbidden(String reason, String field, String detail) {
    return new QueryProblem(reason, field, "Forbidden: " + detail);
  }

  /** {@code field: Duplicate value: "value"}. */
  public static QueryProblem duplicate(String reason, String field, String value) {
    return new QueryProblem(reason, field, "Duplicate value: " + quote(value));
  }

  /** {@code field: Too many: n: must have at most max items}. */
  public static QueryProblem tooMany(String field, int n, int max) {
    return new QueryProblem(
        TOO_MANY, field, "Too many: " + n + ": must have at most " + max + " items");
  }

  private static String quote(String value) {
    return "\"" + Printable.of(value) + "\"";
  }

  /** {@code prefix.field: message}, e.g. {@code spec.step: Invalid value: ...}. */
  public String describe(String prefix) {
    String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
    return path.isEmpty() ? message : path + ": " + message;
  }
}
