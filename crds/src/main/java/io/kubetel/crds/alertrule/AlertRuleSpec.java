package io.kubetel.crds.alertrule;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an AlertRule watches and whom it notifies. */
@ValidationRule(
    value = "self.query.signal != 'metrics' || has(self.query.metric)",
    message = "query.metric is required when query.signal is metrics",
    fieldPath = ".query")
@JsonClassDescription(
    "What the rule watches and whom it notifies: a telemetry query over the rule's namespace, a"
        + " condition on its value, evaluation timing, severity, annotations and receivers.")
public class AlertRuleSpec {

  @Required
  @JsonPropertyDescription(
      "The query whose aggregated value is compared with the condition. It is always scoped to"
          + " the rule's namespace; a namespace filter naming another namespace is invalid.")
  private TelemetryQuerySpec query;

  @Required
  @JsonPropertyDescription("When the query's value makes the rule fire.")
  private AlertCondition condition;

  @Default("0s")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @JsonProperty("for")
  @JsonPropertyDescription(
      "How long the condition must hold before the rule fires (Pending until then), e.g. 5m."
          + " Defaults to 0s (fire at once).")
  private String forDuration = "0s";

  @Default("0s")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "How long the rule keeps firing after the condition stops holding, to avoid flapping."
          + " Defaults to 0s.")
  private String keepFiringFor = "0s";

  @Default("30s")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @ValidationRule(
      value = CrdPatterns.CEL_NOT_ZERO_DURATION,
      message = "interval must be greater than zero")
  @JsonPropertyDescription(
      "How often the rule is evaluated, e.g. 1m; at least 5s. Defaults to 30s.")
  private String interval = "30s";

  @Default("4h")
  @Pattern(CrdPatterns.DURATION)
  @Size(max = CrdPatterns.DURATION_MAX_LENGTH)
  @JsonPropertyDescription(
      "How often a still-firing alert is sent again to its receivers, e.g. 1h. Defaults to 4h.")
  private String repeatInterval = "4h";

  @Default("KeepState")
  @JsonPropertyDescription(
      "What happens when the query returns no data: KeepState (nothing changes; the default),"
          + " Alerting (the rule fires, for data that must always be there) or Resolve (every"
          + " series stops holding, for error counts where no data means no errors).")
  private NoDataPolicy noData = NoDataPolicy.KeepState;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Mute windows: matching series are evaluated and recorded but not notified.")
  private List<AlertSilence> silences = new ArrayList<>();

  @Default("warning")
  @JsonPropertyDescription("Severity: critical, warning or info. Defaults to warning.")
  private Severity severity = Severity.warning;

  @JsonPropertyDescription("Labels added to every notification (e.g. team: checkout).")
  private Map<String, String> labels = new LinkedHashMap<>();

  @JsonPropertyDescription(
      "Annotations of the notification; summary and description may use templates such as"
          + " {{ $value }} and {{ $labels.service }}.")
  private Map<String, String> annotations = new LinkedHashMap<>();

  @Size(max = 16)
  @ValidationRule(
      value = "self.all(r, self.exists_one(s, s.name == r.name))",
      message = "receiver names must be unique")
  @JsonPropertyDescription("Where notifications go; secrets are referenced, never inline.")
  private List<Receiver> receivers = new ArrayList<>();

  public TelemetryQuerySpec getQuery() {
    return query;
  }

  public void setQuery(TelemetryQuerySpec query) {
    this.query = query;
  }

  public AlertCondition getCondition() {
    return condition;
  }

  public void setCondition(AlertCondition condition) {
    this.condition = condition;
  }

  public String getForDuration() {
    return forDuration;
  }

  public void setForDuration(String forDuration) {
    this.forDuration = forDuration;
  }

  public String getKeepFiringFor() {
    return keepFiringFor;
  }

  public void setKeepFiringFor(String keepFiringFor) {
    this.keepFiringFor = keepFiringFor;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getRepeatInterval() {
    return repeatInterval;
  }

  public void setRepeatInterval(String repeatInterval) {
    this.repeatInterval = repeatInterval;
  }

  public NoDataPolicy getNoData() {
    return noData;
  }

  public void setNoData(NoDataPolicy noData) {
    this.noData = noData;
  }

  public List<AlertSilence> getSilences() {
    return silences;
  }

  public void setSilences(List<AlertSilence> silences) {
    this.silences = silences;
  }

  public Severity getSeverity() {
    return severity;
  }

  public void setSeverity(Severity severity) {
    this.severity = severity;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public List<Receiver> getReceivers() {
    return receivers;
  }

  public void setReceivers(List<Receiver> receivers) {
    this.receivers = receivers;
  }
}
