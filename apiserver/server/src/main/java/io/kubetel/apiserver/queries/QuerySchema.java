package io.kubetel.apiserver.queries;

import static io.kubetel.apiserver.resource.Schemas.array;
import static io.kubetel.apiserver.resource.Schemas.kind;
import static io.kubetel.apiserver.resource.Schemas.nullable;
import static io.kubetel.apiserver.resource.Schemas.object;
import static io.kubetel.apiserver.resource.Schemas.prop;
import static io.kubetel.apiserver.resource.Schemas.scalar;
import static io.kubetel.apiserver.resource.Schemas.string;
import static io.kubetel.apiserver.resource.Schemas.stringMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAPI v3 schema of a TelemetryQuery object (spec mirrors core's TelemetryQuerySpec). */
final class QuerySchema {
  private QuerySchema() {}

  static ObjectNode schema() {
    ObjectNode filter = object("One filter: a field key, an operator and values.");
    prop(
        filter,
        "key",
        string(
            "Field key: service, namespace, pod, node, severity, status, span, kind, traceId,"
                + " resource.<attribute>, or any other key for a record attribute."));
    prop(
        filter,
        "operator",
        string("Equals, NotEquals, In, NotIn, Exists or DoesNotExist. Defaults to Equals."));
    prop(filter, "values", array(string("A value."), "Values to compare with."));

    ObjectNode spec = object("The query.");
    prop(spec, "signal", string("Signal to query: metrics, traces or logs."));
    prop(spec, "metric", string("Metric name, required when signal is metrics."));
    prop(spec, "filters", array(filter, "Filters that must all match."));
    prop(
        spec,
        "aggregation",
        string("avg, sum, min, max, count, rate, p50, p90, p95 or p99 (logs: count, rate)."));
    prop(spec, "groupBy", array(string("A field key."), "Field keys to group by."));
    prop(spec, "step", string("Step between points as a duration, e.g. 30s, 1m."));
    prop(spec, "range", string("Look-back range ending now, e.g. 15m, 1h. Defaults to 15m."));
    prop(spec, "start", scalar("string", "date-time", "Absolute start (RFC 3339)."));
    prop(spec, "end", scalar("string", "date-time", "Absolute end (RFC 3339). Defaults to now."));

    ObjectNode point = object("One step's aggregated value.");
    prop(point, "time", scalar("string", "date-time", "Start of the step."));
    prop(
        point,
        "value",
        nullable(
            scalar("number", "double", "Aggregated value; null where the step has no value.")));
    ObjectNode series = object("One group's series.");
    prop(series, "labels", stringMap("The group-by keys and their values."));
    prop(series, "points", array(point, "One point per step with data, oldest first."));
    ObjectNode window = object("The resolved time range.");
    prop(window, "start", scalar("string", "date-time", "Range start."));
    prop(window, "end", scalar("string", "date-time", "Range end."));
    ObjectNode status = object("The result, set by the server.");
    prop(status, "window", window);
    prop(status, "step", string("Resolved step, e.g. 60s."));
    prop(status, "aggregation", string("Resolved aggregation."));
    prop(status, "series", array(series, "Result series, one per group."));
    ObjectNode query =
        kind(
            "A one-shot telemetry query: create it and the response carries the result.",
            spec,
            status);
    // A created query carries the metadata a create sets, beyond what read kinds have.
    ObjectNode meta = (ObjectNode) query.at("/properties/metadata");
    prop(meta, "generateName", string("Prefix of a server-generated name."));
    prop(meta, "uid", string("Unique id the server gave this query."));
    prop(meta, "annotations", stringMap("Annotations as sent."));
    return query;
  }
}
