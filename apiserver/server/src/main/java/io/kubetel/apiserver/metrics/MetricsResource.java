package io.kubetel.apiserver.metrics;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.DescribedResource;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ObservedWindow;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.ResourceSettings;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Ages;
import io.kubetel.apiserver.table.Cells;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.filter.FieldKeys;
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
      ResourceInfo.readOnlyTelemetry(
          "metrics", "metric", "Metric", List.of("met"), MetricSchema.schema());

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
          TableColumn.of(
              "Type", "string", "Gauge, Sum, Histogram, ExponentialHistogram or Summary."),
          TableColumn.of("Service", "string", "Emitting service."),
          TableColumn.of("Last", "number", "Latest value (histograms and summaries: latest mean)."),
          TableColumn.of("Unit", "string", "Unit of the values."),
          TableColumn.of("Age", "string", "Time since the series' first point in the window."),
          TableColumn.wide("Pod", "string", "Emitting pod."),
          TableColumn.wide("Min", "number", "Smallest value in the window."),
          TableColumn.wide("Max", "number", "Largest value in the window."),
          TableColumn.wide("Avg", "number", "Average value in the window."),
          TableColumn.wide(
              "Count", "integer", "Points (histograms and summaries: observations) in the window."),
          TableColumn.wide(
              "Rate",
              "number",
              "Per-second increase (monotonic sums; histograms and summaries: observations)."),
          TableColumn.wide(
              "P99",
              "number",
              "Histograms: estimated 99th percentile; summaries: the recorded one."));

  private final MetricReader reader;

  public MetricsResource(MetricReader reader) {
    super(INFO, VOCABULARY, COLUMNS, MetricSeries::name, MetricSeries::namespace);
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
  protected List<String> specFieldValues(MetricSeries s, String key) {
    return switch (key) {
      case "metric" -> SelectorVocabulary.singleValue(s.metricName());
      case "service" -> SelectorVocabulary.singleValue(s.service());
      case "pod" -> SelectorVocabulary.singleValue(s.pod());
      case "type" -> List.of(s.type().displayName());
      default -> null;
    };
  }

  @Override
  public ServedObject toObject(
      MetricSeries s, String resourceVersion, TimeWindow window, boolean detail) {
    MetricStats st = s.stats();
    Metric.Spec spec =
        new Metric.Spec(
            s.metricName(),
            s.type().displayName(),
            s.unit(),
            s.description(),
            s.service(),
            s.pod(),
            s.monotonic(),
            ApiJson.sorted(s.attributes()),
            ApiJson.sorted(s.resourceAttributes()));
    List<Metric.Point> points =
        detail
            ? s.points().stream()
                .map(
                    p ->
                        new Metric.Point(
                            ApiJson.time(p.time()),
                            ApiJson.finite(p.value()),
                            ApiJson.finite(p.sum())))
                .toList()
            : null;
    ObservedWindow observed = ObservedWindow.of(window);
    Metric.Status status =
        st == null
            ? new Metric.Status(
                observed, null, null, null, null, null, null, null, null, null, null, points)
            : new Metric.Status(
                observed,
                ApiJson.finite(st.last()),
                ApiJson.finite(st.min()),
                ApiJson.finite(st.max()),
                ApiJson.finite(st.avg()),
                st.count(),
                ApiJson.finite(st.rate()),
                ApiJson.finite(st.p50()),
                ApiJson.finite(st.p95()),
                ApiJson.finite(st.p99()),
                ApiJson.time(st.lastTime()),
                points);
    ObjectMeta meta =
        ApiJson.metadata(
            s.name(),
            s.namespace(),
            labels(s),
            resourceVersion,
            st == null ? window.start() : st.firstTime());
    return Metric.of(meta, spec, status);
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
