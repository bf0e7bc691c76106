package io.kubetel.apiserver.metrics;

import static io.kubetel.apiserver.resource.Schemas.array;
import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.nullable;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of a Metric object. */
final class MetricSchema {
  private static final String QUANTILE =
      "Histograms (explicit and exponential): estimated %s of the window's observations;"
          + " summaries: the one their latest point recorded (absent when it records none).";

  private MetricSchema() {}

  static ObjectNode schema() {
    ObjectNode spec = object("Identity of the series.");
    prop(spec, "metricName", string("OTel metric name, e.g. http.server.request.duration."));
    prop(
        spec,
        "type",
        string("Metric type: Gauge, Sum, Histogram, ExponentialHistogram or Summary."));
    prop(spec, "unit", nullable(string("Unit of the values, e.g. ms or By.")));
    prop(spec, "description", nullable(string("Description recorded with the metric.")));
    prop(spec, "service", nullable(string("Service that emitted the series (service.name).")));
    prop(spec, "pod", nullable(string("Pod that emitted the series (k8s.pod.name).")));
    prop(spec, "monotonic", scalar("boolean", null, "Whether a Sum only ever increases."));
    prop(spec, "attributes", stringMap("Data-point attributes identifying the series."));
    prop(spec, "resourceAttributes", stringMap("OTel resource attributes of the emitter."));

    ObjectNode window = object("The time window the statistics cover.");
    prop(window, "start", scalar("string", "date-time", "Window start (inclusive)."));
    prop(window, "end", scalar("string", "date-time", "Window end (exclusive)."));
    ObjectNode point = object("One data point.");
    prop(point, "time", scalar("string", "date-time", "Time of the point."));
    prop(
        point,
        "value",
        number("Value; for histograms and summaries the observation count of the point."));
    prop(point, "sum", number("Histograms and summaries only: sum of the observations."));

    ObjectNode status = object("Statistics of the series over the window.");
    prop(status, "window", window);
    prop(status, "last", number("Latest value (histograms and summaries: latest mean)."));
    prop(
        status,
        "min",
        number(
            "Smallest value in the window (summaries: their 0 quantile, absent when not"
                + " recorded)."));
    prop(
        status,
        "max",
        number(
            "Largest value in the window (summaries: their 1 quantile, absent when not"
                + " recorded)."));
    prop(status, "avg", number("Average value in the window."));
    prop(
        status,
        "count",
        scalar(
            "integer",
            "int64",
            "Number of points (histograms and summaries: observations) in the window."));
    prop(
        status,
        "rate",
        number("Per-second increase, for monotonic sums, histograms and summaries."));
    prop(status, "p50", number(QUANTILE.formatted("median")));
    prop(status, "p95", number(QUANTILE.formatted("95th percentile")));
    prop(status, "p99", number(QUANTILE.formatted("99th percentile")));
    prop(status, "lastTimestamp", scalar("string", "date-time", "Time of the latest point."));
    prop(
        status,
        "points",
        array(point, "Points in the window, oldest first (get by name and -o yaml/json only)."));
    return kind("One metric series: a metric of one service with one attribute set.", spec, status);
  }

  /** A double-precision number, as every value and statistic of a series is. */
  private static ObjectNode number(String description) {
    return scalar("number", "double", description);
  }
}
