package io.kubetel.apiserver.alertevents;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.kubetel.apiserver.resource.ApiJson;
import io.kubetel.apiserver.resource.Labels;
import io.kubetel.apiserver.resource.ResourceInfo;
import io.kubetel.apiserver.resource.RowResource;
import io.kubetel.apiserver.resource.ServedObject;
import io.kubetel.apiserver.selection.SelectorVocabulary;
import io.kubetel.apiserver.table.Cells;
import io.kubetel.apiserver.table.TableColumn;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertEventReader;
import io.kubetel.model.window.TimeWindow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The read-only {@code alertevents} resource (kind AlertEvent, category telemetry): every state
 * transition the alert evaluator stored, newest first. Not {@code alerts}: Flux's widely installed
 * {@code alerts.notification.toolkit.fluxcd.io} has that name. Short name {@code ae}.
 */
public final class AlertEventsResource extends RowResource<AlertEvent> {
  private static final int SUMMARY_WIDTH = 60;

  private static final ResourceInfo INFO =
      ResourceInfo.readOnlyTelemetry(
          "alertevents", "alertevent", "AlertEvent", List.of("ae"), AlertEventSchema.schema());

  private static final SelectorVocabulary VOCABULARY =
      SelectorVocabulary.builder("alertevents")
          .field("rule", "rule", v -> Optional.empty())
          .field("state", "state", v -> Optional.empty())
          .field("severity", "severity", v -> Optional.empty())
          .label("rule", "rule")
          .label("state", "state")
          .label("severity", "severity")
          .build();

  private static final List<TableColumn> COLUMNS =
      List.of(
          TableColumn.name("Object name of the event."),
          TableColumn.of("Time", "string", "When the transition was evaluated."),
          TableColumn.of("Rule", "string", "The AlertRule."),
          TableColumn.of("From", "string", "State before."),
          TableColumn.of("To", "string", "State after."),
          TableColumn.of("Value", "number", "Value that caused the transition."),
          TableColumn.of("Severity", "string", "The rule's severity."),
          TableColumn.wide("Series", "string", "The series' labels."),
          TableColumn.wide("Summary", "string", "The rendered summary, cut to 60 characters."));

  public AlertEventsResource(AlertEventReader reader) {
    super(
        INFO,
        VOCABULARY,
        COLUMNS,
        AlertEvent::name,
        AlertEvent::namespace,
        Rows.of(reader::listAlertEvents, reader::getAlertEvent),
        Map.of(
            "rule",
            AlertEvent::rule,
            "state",
            e -> e.to().name(),
            "severity",
            AlertEvent::severity));
  }

  @Override
  public Map<String, String> labels(AlertEvent e) {
    return new Labels()
        .put("rule", e.rule())
        .put("state", e.to().name())
        .put("severity", e.severity())
        .attributes(e.labels())
        .build();
  }

  @Override
  public ServedObject toObject(
      AlertEvent e, String resourceVersion, TimeWindow window, boolean detail) {
    AlertEventObject.Spec spec =
        new AlertEventObject.Spec(
            e.rule(),
            e.fingerprint().isEmpty() ? null : e.fingerprint(),
            ApiJson.sorted(e.labels()),
            e.from().name(),
            e.to().name(),
            Double.isFinite(e.value()) ? e.value() : null,
            e.severity(),
            e.summary().isEmpty() ? null : e.summary(),
            ApiJson.time(e.time()));
    ObjectMeta meta =
        ApiJson.metadata(e.name(), e.namespace(), labels(e), resourceVersion, e.time());
    return AlertEventObject.of(meta, spec);
  }

  @Override
  public List<Object> cells(AlertEvent e, Instant now) {
    StringBuilder series = new StringBuilder();
    new TreeMap<>(e.labels())
        .forEach(
            (k, v) ->
                series.append(series.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return Arrays.asList(
        e.name(),
        ApiJson.time(e.time()),
        e.rule(),
        e.from().name(),
        e.to().name(),
        Cells.number(Double.isFinite(e.value()) ? e.value() : null),
        e.severity(),
        series.toString(),
        Cells.truncate(e.summary(), SUMMARY_WIDTH));
  }

  @Override
  public Instant createdAt(AlertEvent e) {
    return e.time();
  }

  @Override
  public Instant changedAt(AlertEvent e) {
    return e.time();
  }
}
