package io.kubetel.model.filter;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field-key vocabulary shared by list filters, TelemetryQuery filters and group-by.
 *
 * <p>Well-known keys map to columns or Kubernetes resource attributes; {@code resource.<key>} names
 * a resource attribute; any other valid key names a record attribute (metric data-point, span or
 * log attribute). Storage maps well-known keys through an allow-list.
 */
public final class FieldKeys {
  /** Service name ({@code ServiceName} column). */
  public static final String SERVICE = "service";

  /** Kubernetes namespace ({@code k8s.namespace.name} resource attribute). */
  public static final String NAMESPACE = "namespace";

  /** Pod name ({@code k8s.pod.name} resource attribute). */
  public static final String POD = "pod";

  /** Node name ({@code k8s.node.name} resource attribute). */
  public static final String NODE = "node";

  /** Metric name ({@code MetricName} column, metrics only). */
  public static final String METRIC = "metric";

  /** Metric type: Gauge, Sum, Histogram, ExponentialHistogram or Summary (metrics only). */
  public static final String TYPE = "type";

  /** Log severity text ({@code SeverityText}, logs only). */
  public static final String SEVERITY = "severity";

  /** Trace id (traces and logs). */
  public static final String TRACE_ID = "traceId";

  /** Span id (logs). */
  public static final String SPAN_ID = "spanId";

  /** Span or trace status: Ok, Error or Unset (traces only). */
  public static final String STATUS = "status";

  /** Span name (traces only). */
  public static final String SPAN = "span";

  /** Span kind (traces only). */
  public static final String KIND = "kind";

  /** Prefix naming a resource attribute, e.g. {@code resource.k8s.deployment.name}. */
  public static final String RESOURCE_PREFIX = "resource.";

  /** Every well-known key. */
  public static final Set<String> WELL_KNOWN =
      Set.of(
          SERVICE, NAMESPACE, POD, NODE, METRIC, TYPE, SEVERITY, TRACE_ID, SPAN_ID, STATUS, SPAN,
          KIND);

  private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-/]{0,254}");

  private FieldKeys() {}

  /** Whether {@code key} is syntactically acceptable as a field key. */
  public static boolean isValid(String key) {
    return key != null && VALID_KEY.matcher(key).matches();
  }
}
