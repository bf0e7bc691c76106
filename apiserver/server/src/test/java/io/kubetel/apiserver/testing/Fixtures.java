package io.kubetel.apiserver.testing;

import io.kubetel.model.logs.LogEntry;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.traces.SpanEvent;
import io.kubetel.model.traces.SpanNode;
import io.kubetel.model.traces.TraceDetail;
import io.kubetel.model.traces.TraceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Builders for test telemetry. */
public final class Fixtures {
  private Fixtures() {}

  /** A TelemetryQuery create body with {@code metadata} and {@code spec} given as JSON text. */
  public static String queryBody(String metadata, String spec) {
    return "{\"apiVersion\":\"telemetry.kubetel.io/v1alpha1\",\"kind\":\"TelemetryQuery\","
        + "\"metadata\":"
        + metadata
        + ",\"spec\":"
        + spec
        + "}";
  }

  public static MetricSeries series(
      String name,
      String ns,
      String metric,
      MetricType type,
      String service,
      String pod,
      Map<String, String> attributes) {
    return new MetricSeries(
        name,
        ns,
        metric,
        type,
        "ms",
        "test metric",
        service,
        pod,
        type == MetricType.SUM,
        attributes,
        Map.of("k8s.namespace.name", ns),
        null,
        List.of());
  }

  public static MetricPoint point(Instant t, double v) {
    return new MetricPoint(t, v, null);
  }

  public static SpanNode span(
      String id,
      String parent,
      String name,
      String service,
      String ns,
      Instant start,
      long durationNanos,
      String status,
      List<SpanNode> children) {
    return new SpanNode(
        id,
        parent,
        name,
        "Server",
        service,
        ns,
        service + "-pod",
        start,
        durationNanos,
        status,
        status.equals("Error") ? "boom" : "",
        Map.of("http.method", "GET"),
        status.equals("Error")
            ? List.of(new SpanEvent(start.plusMillis(1), "exception", Map.of("type", "IOError")))
            : List.of(),
        children);
  }

  /** A trace from its root span tree; the summary is derived like storage derives it. */
  public static TraceDetail trace(String traceId, String ns, SpanNode root) {
    List<SpanNode> all = new ArrayList<>();
    flatten(root, all);
    LinkedHashSet<String> services = new LinkedHashSet<>();
    all.forEach(s -> services.add(s.service()));
    int errors = (int) all.stream().filter(s -> s.statusCode().equals("Error")).count();
    String status =
        errors > 0
            ? "Error"
            : all.stream().anyMatch(s -> s.statusCode().equals("Ok")) ? "Ok" : "Unset";
    TraceSummary summary =
        new TraceSummary(
            traceId,
            ns,
            root.service(),
            root.name(),
            all.size(),
            errors,
            List.copyOf(services),
            root.start(),
            root.durationNanos(),
            status);
    return new TraceDetail(summary, List.of(root));
  }

  private static void flatten(SpanNode n, List<SpanNode> out) {
    out.add(n);
    n.children().forEach(c -> flatten(c, out));
  }

  public static LogEntry log(
      String name,
      String ns,
      Instant t,
      String severity,
      String service,
      String body,
      String traceId,
      Map<String, String> attributes) {
    return new LogEntry(
        name,
        ns,
        t,
        severity,
        severity.equals("ERROR") ? 17 : 9,
        service,
        service + "-pod",
        body,
        traceId,
        traceId.isEmpty() ? "" : "00f067aa0ba902b7",
        attributes,
        Map.of("k8s.namespace.name", ns));
  }

  /** A 32-hex trace id from a small number. */
  public static String traceId(int n) {
    return String.format("%032x", n);
  }
}
