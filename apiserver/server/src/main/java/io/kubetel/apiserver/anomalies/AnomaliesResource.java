package io.kubetel.apiserver.anomalies;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.RowResource;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.selection.ValueRules;
import io.kubetel.apiserver.table.Cells;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.anomalies.Anomaly;
import io.kubetel.model.anomalies.AnomalyReader;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.window.TimeWindow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The read-only {@code anomalies} resource (kind Anomaly): what the anomaly scan found, one object
 * per anomaly of a metric series. Singular {@code anomaly}, short name {@code anom}; an anomaly is
 * listed while it overlaps the window, by default the last {@link #DEFAULT_WINDOW}.
 */
public final class AnomaliesResource extends RowResource<Anomaly> {
  /** Anomalies are rare: without a window, a list shows the last day's (capped by the maximum). */
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

  private static final ResourceInfo INFO =
      ResourceInfo.readOnlyTelemetry(
          "anomalies", "anomaly", "Anomaly", List.of("anom"), AnomalySchema.schema());

  private static final SelectorVocabulary VOCABULARY =
      SelectorVocabulary.builder("anomalies")
          .field("metric", FieldKeys.METRIC, ValueRules.METRIC)
          .field("service", FieldKeys.SERVICE, ValueRules.SERVICE)
          .label("service", FieldKeys.SERVICE)
          .label("metric", FieldKeys.METRIC)
          .attributeLabelsExact(true)
          .build();

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.name("Object name of the anomaly."),
          TableColumn.of("Series", "string", "Metric series (kubectl get metric NAME)."),
          TableColumn.of("Start", "string", "First anomalous point."),
          TableColumn.of("End", "string", "Latest anomalous point (the last once resolved)."),
          TableColumn.of("Grade", "number", "How anomalous, 0..1."),
          TableColumn.of("Expected", "string", "Range the detector expected."),
          TableColumn.of("Observed", "number", "Value at the most anomalous point."),
          TableColumn.wide("Metric", "string", "Metric name."),
          TableColumn.wide("Service", "string", "Emitting service."),
          TableColumn.wide("Detector", "string", "Detector that found it."),
          TableColumn.wide("State", "string", "Open while the series is still anomalous."));

  public AnomaliesResource(AnomalyReader reader) {
    super(
        INFO,
        VOCABULARY,
        COLUMNS,
        Anomaly::name,
        Anomaly::namespace,
        Rows.of(reader::listAnomalies, reader::getAnomaly),
        Map.of("metric", Anomaly::metricName, "service", Anomaly::service));
  }

  @Override
  public Map<String, String> labels(Anomaly a) {
    return new Labels()
        .put("service", a.service())
        .put("metric", a.metricName())
        .attributes(a.labels())
        .build();
  }

  @Override
  public ServedObject toObject(
      Anomaly a, String resourceVersion, TimeWindow window, boolean detail) {
    AnomalyObject.Spec spec =
        new AnomalyObject.Spec(
            a.series(),
            a.metricName(),
            a.service(),
            ApiJson.sorted(a.labels()),
            ApiJson.time(a.start()),
            ApiJson.time(a.end()),
            a.resolved(),
            a.grade(),
            new AnomalyObject.Expected(a.expectedLow(), a.expectedHigh()),
            a.observed(),
            a.detector());
    ObjectMeta meta =
        ApiJson.metadata(a.name(), a.namespace(), labels(a), resourceVersion, a.start());
    return AnomalyObject.of(meta, spec);
  }

  @Override
  public List<Object> cells(Anomaly a, Instant now) {
    return Arrays.asList(
        a.name(),
        a.series(),
        ApiJson.time(a.start()),
        ApiJson.time(a.end()),
        Cells.number(a.grade()),
        plain(a.expectedLow()) + ".." + plain(a.expectedHigh()),
        Cells.number(a.observed()),
        a.metricName(),
        a.service(),
        a.detector(),
        a.resolved() ? "Resolved" : "Open");
  }

  /** Six significant digits without exponent (kubectl prints the range as text). */
  private static String plain(double v) {
    Double rounded = Cells.number(v);
    return rounded == null ? "" : BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
  }

  @Override
  public Instant createdAt(Anomaly a) {
    return a.start();
  }

  @Override
  public Instant changedAt(Anomaly a) {
    return a.end();
  }
}
