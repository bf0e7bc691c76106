package io.kubetel.alerting.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.alerting.evaluation.Templates;
import io.kubetel.model.json.Json;
import java.util.Map;

/**
 * The bodies the receivers get: a readable Slack message, a PagerDuty Events API v2 event,
 * kubetel's webhook JSON and the Alertmanager webhook payload (version 4).
 */
public final class Payloads {
  private Payloads() {}

  /** Slack incoming-webhook message: severity, summary, value, series, one line per series. */
  public static ObjectNode slack(Notification n, java.util.Optional<String> channel) {
    ObjectNode body = Json.mapper().createObjectNode();
    channel.ifPresent(c -> body.put("channel", c));
    String icon = n.resolved() ? ":white_check_mark:" : icon(n.rule().severity());
    String head =
        n.resolved()
            ? "*RESOLVED* " + n.rule().namespace() + "/" + n.rule().name()
            : "*FIRING* ["
                + n.rule().severity()
                + "] "
                + n.rule().namespace()
                + "/"
                + n.rule().name()
                + " ("
                + n.alerts().size()
                + (n.alerts().size() == 1 ? " series)" : " series)");
    StringBuilder text = new StringBuilder(icon).append(' ').append(head);
    for (Notification.Alert a : n.alerts()) {
      text.append("\n• ");
      text.append(
          a.summary().isEmpty() ? "value " + Templates.formatValue(a.value()) : a.summary());
      text.append(" (value ").append(Templates.formatValue(a.value()));
      text.append(detailsText(a));
      if (!a.labels().isEmpty()) {
        text.append(", ").append(series(a.labels()));
      }
      text.append(")");
    }
    String description = n.rule().annotations().getOrDefault("description", "");
    if (!description.isEmpty() && !n.resolved()) {
      text.append("\n").append(description);
    }
    String runbook = n.rule().annotations().getOrDefault("runbook_url", "");
    if (!runbook.isEmpty()) {
      text.append("\n<").append(runbook).append("|runbook>");
    }
    body.put("text", text.toString());
    return body;
  }

  /** PagerDuty Events API v2: trigger or resolve, one incident per rule ({@code dedup_key}). */
  public static ObjectNode pagerDuty(Notification n, String routingKey) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("routing_key", routingKey);
    body.put("event_action", n.resolved() ? "resolve" : "trigger");
    body.put("dedup_key", n.groupKey());
    if (!n.resolved()) {
      ObjectNode payload = body.putObject("payload");
      Notification.Alert first = n.alerts().get(0);
      String summary =
          first.summary().isEmpty()
              ? n.rule().name() + " is firing (value " + Templates.formatValue(first.value()) + ")"
              : first.summary();
      payload.put("summary", truncate(summary, 1024));
      payload.put("source", "kubetel/" + n.rule().namespace());
      payload.put("severity", pagerDutySeverity(n.rule().severity()));
      payload.put("timestamp", first.startsAt().toString());
      payload.put("component", n.rule().labels().getOrDefault("service", n.rule().name()));
      payload.put("group", n.rule().namespace());
      payload.put("class", n.rule().name());
      ObjectNode details = payload.putObject("custom_details");
      details.put("firing_series", n.alerts().size());
      ArrayNode series = details.putArray("series");
      n.alerts()
          .forEach(
              a ->
                  series.add(
                      series(a.labels())
                          + " = "
                          + Templates.formatValue(a.value())
                          + detailsText(a)));
    }
    return body;
  }

  /** kubetel's webhook JSON. */
  public static ObjectNode kubetel(Notification n) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("id", n.id());
    body.put("groupKey", n.groupKey());
    body.put("status", n.resolved() ? "resolved" : "firing");
    body.put("namespace", n.rule().namespace());
    body.put("rule", n.rule().name());
    body.put("severity", n.rule().severity());
    body.put("time", n.time().toString());
    body.set("labels", Json.mapper().valueToTree(n.rule().labels()));
    body.set("annotations", Json.mapper().valueToTree(n.rule().annotations()));
    ArrayNode alerts = body.putArray("alerts");
    for (Notification.Alert a : n.alerts()) {
      ObjectNode o = alerts.addObject();
      o.put("fingerprint", a.fingerprint());
      o.set("labels", Json.mapper().valueToTree(a.labels()));
      if (Double.isFinite(a.value())) {
        o.put("value", a.value());
      } else {
        o.putNull("value");
      }
      o.put("startsAt", a.startsAt().toString());
      o.put("summary", a.summary());
      if (!a.details().isEmpty()) {
        ObjectNode details = o.putObject("details");
        new java.util.TreeMap<>(a.details()).forEach(details::put);
      }
    }
    return body;
  }

  /** Alertmanager's webhook payload (version 4), so existing Alertmanager receivers work. */
  public static ObjectNode alertmanager(Notification n) {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("version", "4");
    body.put("groupKey", n.groupKey());
    body.put("truncatedAlerts", 0);
    String status = n.resolved() ? "resolved" : "firing";
    body.put("status", status);
    body.put("receiver", n.receiver());
    body.putObject("groupLabels").put("alertname", n.rule().name());
    ObjectNode common = body.putObject("commonLabels");
    common.put("alertname", n.rule().name());
    common.put("namespace", n.rule().namespace());
    common.put("severity", n.rule().severity());
    n.rule().labels().forEach(common::put);
    body.set("commonAnnotations", Json.mapper().valueToTree(n.rule().annotations()));
    body.put("externalURL", "");
    ArrayNode alerts = body.putArray("alerts");
    for (Notification.Alert a : n.alerts()) {
      ObjectNode o = alerts.addObject();
      o.put("status", status);
      o.set("labels", Json.mapper().valueToTree(n.labelsOf(a)));
      ObjectNode ann = o.putObject("annotations");
      n.rule().annotations().forEach(ann::put);
      if (!a.summary().isEmpty()) {
        ann.put("summary", a.summary());
      }
      // Alertmanager annotations are strings: the anomaly's numbers as text.
      new java.util.TreeMap<>(a.details()).forEach((k, v) -> ann.put(k, Templates.formatValue(v)));
      o.put("startsAt", a.startsAt().toString());
      o.put("endsAt", n.resolved() ? n.time().toString() : "0001-01-01T00:00:00Z");
      o.put("generatorURL", "");
      o.put("fingerprint", a.fingerprint());
    }
    return body;
  }

  /** The condition's details as {@code ", grade 0.9, expectedLow 1, ..."} (empty when none). */
  private static String detailsText(Notification.Alert a) {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(a.details())
        .forEach((k, v) -> sb.append(", ").append(k).append(' ').append(Templates.formatValue(v)));
    return sb.toString();
  }

  private static String series(Map<String, String> labels) {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(labels)
        .forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }

  private static String icon(String severity) {
    return switch (severity) {
      case "critical" -> ":rotating_light:";
      case "info" -> ":information_source:";
      default -> ":warning:";
    };
  }

  private static String pagerDutySeverity(String severity) {
    return switch (severity) {
      case "critical" -> "critical";
      case "info" -> "info";
      default -> "warning";
    };
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
