package io.kubetel.apiserver.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.DescribedResource;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Ages;
import io.kubetel.apiserver.table.Cells;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.metrics.MetricPoint;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.model.metrics.MetricSeries;
import io.kubetel.model.metrics.MetricStats;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code metrics} resource (kind Metric, short name {@code met}): one object per metric series,
 * with statistics over the read window and, for get-by-name and full-object lists, its points.
 */
public final class MetricsResource extends DescribedResource<MetricSeries> {
  /** Label carrying the OTel metric name. */
  public static final String METRIC_LABEL = "metric";

  private static final ResourceInfo INFO =
      new ResourceInfo(
          "metrics",
          "metric",
          "Metric",
          List.of("met"),
          true,
          List.of("get", "list", "watch"),
          List.of("telemetry"),
          MetricSchema.schema());

  private static final SelectorVocabulary VOCABULARY =
      SelectorVocabulary.builder("metrics")
          .field("metric", FieldKeys.METRIC, ValueRules.METRIC)
          .field("service", FieldKeys.SERVICE, ValueRules.SERVICE)
          .field("pod", FieldKeys.POD, ValueRules.POD)
          .field("type", FieldKeys.TYPE, ValueRules.METRIC_TYPE)
          .label("service", FieldKeys.SERVICE)
          .label("pod", FieldKeys.POD)
          .label("type", FieldKeys.TYPE)
          .label(METRIC_LABEL, FieldKeys.METRIC)
          .pushdownLabel(FieldKeys.NODE)
          .attributeLabelsExact(true)
          .build();

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.name("Object name of the series."),
          TableColumn.of("Metric", "string", "OTel metric name."),
          TableColumn.of("Type", "string", "Gauge, Sum or Histogram."),
          TableColumn.of("Service", "string", "Emitting service."),
          TableColumn.of("Last", "number", "Latest value."),
          TableColumn.of("Unit", "string", "Unit of the values."),
          TableColumn.of("Age", "string", "Time since the series' first point in the window."),
          TableColumn.wide("Pod", "string", "Emitting pod."),
          TableColumn.wide("Min", "number", "Smallest value in the window."),
          TableColumn.wide("Max", "number", "Largest value in the window."),
          TableColumn.wide("Avg", "number", "Average value in the window."),
          TableColumn.wide("Count", "integer", "Points (histograms: observations) in the window."),
          TableColumn.wide("Rate", "number", "Per-second increase (monotonic sums, histograms)."),
          TableColumn.wide("P99", "number", "Histograms: estimated 99th percentile."));

  private final MetricReader reader;

  public MetricsResource(MetricReader reader) {
    super(INFO, VOCABULARY, COLUMNS);
    this.reader = reader;
  }

  @Override
  public Page<MetricSeries> list(ListRequest request) {
    return reader.listSeries(request);
  }

  @Override
  public Optional<MetricSeries> get(String namespace, String name, TimeWindow window) {
    return reader.getSeries(namespace, name, window);
  }

  @Override
  public String name(MetricSeries s) {
    return s.name();
  }

  @Override
  public String namespace(MetricSeries s) {
    return s.namespace();
  }

  @Override
  public Map<String, String> labels(MetricSeries s) {
    return new Labels()
        .put("service", s.service())
        .put("pod", s.pod())
        .put("type", s.type().displayName())
        .put(METRIC_LABEL, s.metricName())
        .attributes(s.attributes())
        .build();
  }

  @Override
  public List<String> fieldValues(MetricSeries s, String key) {
    return switch (key) {
      case SelectorVocabulary.METADATA_NAME -> List.of(s.name());
      case SelectorVocabulary.METADATA_NAMESPACE -> one(s.namespace());
      case "metric" -> one(s.metricName());
      case "service" -> one(s.service());
      case "pod" -> one(s.pod());
      case "type" -> List.of(s.type().displayName());
      default -> null;
    };
  }

  private static List<String> one(String v) {
    return v == null || v.isEmpty() ? List.of() : List.of(v);
  }

  @Override
  public ObjectNode toObject(
      MetricSeries s, String resourceVersion, TimeWindow window, boolean detail) {
    MetricStats st = s.stats();
    ObjectNode o =
        ApiJson.object(
            INFO.kind(),
            s.name(),
            s.namespace(),
            labels(s),
            resourceVersion,
            st == null ? window.start() : st.firstTime());
    ObjectNode spec = o.putObject("spec");
    spec.put("metricName", s.metricName());
    spec.put("type", s.type().displayName());
    spec.put("unit", s.unit());
    spec.put("description", s.description());
    spec.put("service", s.service());
    spec.put("pod", s.pod());
    spec.put("monotonic", s.monotonic());
    ApiJson.putMap(spec, "attributes", s.attributes());
    ApiJson.putMap(spec, "resourceAttributes", s.resourceAttributes());
    ObjectNode status = o.putObject("status");
    ObjectNode w = status.putObject("window");
    w.put("start", ApiJson.time(window.start()));
    w.put("end", ApiJson.time(window.end()));
    if (st != null) {
      putNumber(status, "last", st.last());
      putNumber(status, "min", st.min());
      putNumber(status, "max", st.max());
      putNumber(status, "avg", st.avg());
      status.put("count", st.count());
      putNumber(status, "rate", st.rate());
      putNumber(status, "p50", st.p50());
      putNumber(status, "p95", st.p95());
      putNumber(status, "p99", st.p99());
      status.put("lastTimestamp", ApiJson.time(st.lastTime()));
    }
    if (detail) {
      ArrayNode points = status.putArray("points");
      for (MetricPoint p : s.points()) {
        ObjectNode n = points.addObject();
        n.put("time", ApiJson.time(p.time()));
        putNumber(n, "value", p.value());
        if (p.sum() != null) {
          putNumber(n, "sum", p.sum());
        }
      }
    }
    return o;
  }

  /** JSON has no NaN or Infinity: such values are left out. */
  private static void putNumber(ObjectNode node, String field, Double v) {
    if (v != null && !v.isNaN() && !v.isInfinite()) {
      node.put(field, v);
    }
  }

  @Override
  public List<Object> cells(MetricSeries s, Instant now) {
    MetricStats st = s.stats();
    Instant created = st == null ? now : st.firstTime();
    return Arrays.asList(
        s.name(),
        s.metricName(),
        s.type().displayName(),
        s.service(),
        st == null ? null : Cells.number(st.last()),
        s.unit(),
        Ages.human(Duration.between(created, now)),
        s.pod(),
        st == null ? null : Cells.number(st.min()),
        st == null ? null : Cells.number(st.max()),
        st == null ? null : Cells.number(st.avg()),
        st == null ? null : st.count(),
        st == null ? null : Cells.number(st.rate()),
        st == null ? null : Cells.number(st.p99()));
  }

  @Override
  public Instant createdAt(MetricSeries s) {
    return s.stats() == null ? Instant.EPOCH : s.stats().firstTime();
  }

  @Override
  public Instant changedAt(MetricSeries s) {
    return s.stats() == null ? Instant.EPOCH : s.stats().lastTime();
  }

  /** Metrics watch the default window so each event's statistics match what a list shows. */
  @Override
  public TimeWindow watchWindow(Instant since, Instant now, ResourceSettings settings) {
    Instant start = now.minus(settings.defaultWindow());
    return new TimeWindow(since.isBefore(start) ? since : start, now);
  }
}
