package io.kubetel.alerting.delivery;

import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.model.alerts.NotificationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message about one rule to one receiver: all the rule's firing series grouped (or the
 * resolve), with an id that stays the same on every attempt and after a restart.
 *
 * @param id the idempotency key ({@code Idempotency-Key} header, webhook body {@code id})
 * @param groupKey stable per rule: PagerDuty's {@code dedup_key}, Alertmanager's {@code groupKey}
 */
public record Notification(
    String id,
    String groupKey,
    AlertRuleDefinition rule,
    String receiver,
    NotificationRecord.Kind kind,
    List<Alert> alerts,
    Instant time) {

  public Notification {
    alerts = List.copyOf(alerts);
  }

  /**
   * One series in a notification.
   *
   * @param details the condition's details (an anomaly's grade, expected range and observed value);
   *     empty for a threshold
   */
  public record Alert(
      String fingerprint,
      Map<String, String> labels,
      double value,
      Instant startsAt,
      String summary,
      String description,
      Map<String, Double> details) {
    public Alert {
      labels = Map.copyOf(labels);
      details = Map.copyOf(details);
    }

    public Alert(
        String fingerprint,
        Map<String, String> labels,
        double value,
        Instant startsAt,
        String summary,
        String description) {
      this(fingerprint, labels, value, startsAt, summary, description, Map.of());
    }
  }

  /** Whether this is a resolve. */
  public boolean resolved() {
    return kind == NotificationRecord.Kind.RESOLVED;
  }

  /** The rule's labels plus a series' labels plus alertname, severity and namespace. */
  public Map<String, String> labelsOf(Alert a) {
    Map<String, String> all = new java.util.TreeMap<>(rule.labels());
    all.putAll(a.labels());
    all.put("alertname", rule.name());
    all.put("namespace", rule.namespace());
    all.put("severity", rule.severity());
    return all;
  }
}
