package io.kubetel.alerting.rule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.model.duration.Durations;
import io.kubetel.model.json.Json;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an AlertRule custom resource (as JSON, whichever client read it) into an {@link
 * AlertRuleDefinition}, applying the CRD's defaults. Query validation is the model's {@code
 * QueryValidator}'s business (run at evaluation); this checks what the evaluator itself needs.
 */
public final class AlertRuleParser {
  /** The interval when the rule sets none. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** The shortest interval: below it the evaluation of many rules cannot keep up on one core. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

  /** How often a still-firing alert is sent again when the rule sets no repeatInterval. */
  public static final Duration DEFAULT_REPEAT = Duration.ofHours(4);

  private final ConditionTypes conditions;

  public AlertRuleParser(ConditionTypes conditions) {
    this.conditions = conditions;
  }

  /**
   * The rule described by {@code resource} (an AlertRule object with metadata and spec).
   *
   * @throws InvalidInputException naming the first field that is wrong
   */
  public AlertRuleDefinition parse(JsonNode resource) {
    JsonNode meta = resource.path("metadata");
    String namespace = meta.path("namespace").asText("");
    String name = meta.path("name").asText("");
    if (namespace.isEmpty() || name.isEmpty()) {
      throw new InvalidInputException("metadata: an AlertRule needs a name and a namespace");
    }
    JsonNode spec = resource.path("spec");
    if (!spec.isObject()) {
      throw new InvalidInputException("spec: Required value");
    }
    JsonNode queryNode = spec.path("query");
    if (!queryNode.isObject()) {
      throw new InvalidInputException("spec.query: Required value");
    }
    TelemetryQuerySpec query;
    try {
      query = Json.mapper().treeToValue(queryNode, TelemetryQuerySpec.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("spec.query: Invalid value: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("spec.query: Invalid value: " + e.getMessage());
    }
    Duration interval = duration(spec, "interval", DEFAULT_INTERVAL);
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new InvalidInputException(
          "spec.interval: Invalid value: \""
              + spec.path("interval").asText()
              + "\": must be at least "
              + Durations.format(MIN_INTERVAL));
    }
    return new AlertRuleDefinition(
        namespace,
        name,
        meta.path("generation").asLong(0),
        query,
        shape(namespace, queryNode),
        conditions.parse(spec.path("condition")),
        duration(spec, "for", Duration.ZERO),
        duration(spec, "keepFiringFor", Duration.ZERO),
        interval,
        duration(spec, "repeatInterval", DEFAULT_REPEAT),
        noData(spec.path("noData").asText(NoDataPolicy.KeepState.name())),
        spec.path("severity").asText("warning"),
        strings(spec.path("labels")),
        strings(spec.path("annotations")),
        receivers(spec.path("receivers")),
        silences(spec.path("silences")));
  }

  /** Rules in one namespace with equal queries share one query run per evaluation. */
  private static String shape(String namespace, JsonNode query) {
    return namespace + "|" + Json.mapper().valueToTree(sorted(query)).toString();
  }

  private static JsonNode sorted(JsonNode node) {
    if (!node.isObject()) {
      return node;
    }
    ObjectNode out = Json.mapper().createObjectNode();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    names.forEach(n -> out.set(n, sorted(node.get(n))));
    return out;
  }

  private static Duration duration(JsonNode spec, String field, Duration fallback) {
    JsonNode v = spec.path(field);
    return v.isMissingNode() || v.isNull()
        ? fallback
        : Durations.parse(v.asText(), "spec." + field);
  }

  private static NoDataPolicy noData(String text) {
    try {
      return NoDataPolicy.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "spec.noData: Unsupported value: \""
              + text
              + "\": supported values: KeepState, Alerting, Resolve");
    }
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<ReceiverTarget> receivers(JsonNode list) {
    List<ReceiverTarget> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode r = list.get(i);
      String at = "spec.receivers[" + i + "]";
      String name = r.path("name").asText("");
      if (r.hasNonNull("slack")) {
        JsonNode s = r.get("slack");
        out.add(
            new ReceiverTarget.Slack(
                name,
                ref(s.path("webhookUrlSecretRef"), at + ".slack.webhookUrlSecretRef"),
                text(s.path("channel"))));
      } else if (r.hasNonNull("pagerDuty")) {
        JsonNode p = r.get("pagerDuty");
        out.add(
            new ReceiverTarget.PagerDuty(
                name,
                ref(p.path("routingKeySecretRef"), at + ".pagerDuty.routingKeySecretRef"),
                text(p.path("url"))));
      } else if (r.hasNonNull("webhook")) {
        JsonNode w = r.get("webhook");
        String format = w.path("format").asText(ReceiverTarget.WebhookFormat.Kubetel.name());
        ReceiverTarget.WebhookFormat f;
        try {
          f = ReceiverTarget.WebhookFormat.valueOf(format);
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              at + ".webhook.format: Unsupported value: \"" + format + "\"");
        }
        out.add(
            new ReceiverTarget.Webhook(
                name,
                ref(w.path("urlSecretRef"), at + ".webhook.urlSecretRef"),
                optionalRef(w.path("authorizationSecretRef"), at),
                optionalRef(w.path("signingSecretRef"), at),
                f));
      } else {
        throw new InvalidInputException(at + ": exactly one of slack, pagerDuty or webhook");
      }
    }
    return out;
  }

  private static Optional<String> text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static SecretRef ref(JsonNode n, String at) {
    String name = n.path("name").asText("");
    String key = n.path("key").asText("");
    if (name.isEmpty() || key.isEmpty()) {
      throw new InvalidInputException(at + ": Required value: a Secret name and key");
    }
    return new SecretRef(name, key);
  }

  private static Optional<SecretRef> optionalRef(JsonNode n, String at) {
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(ref(n, at));
  }

  private static List<Silence> silences(JsonNode list) {
    List<Silence> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String at = "spec.silences[" + i + "]";
      out.add(
          new Silence(
              strings(s.path("matchers")),
              instant(s.path("startsAt"), at + ".startsAt", Instant.MIN),
              instant(s.path("endsAt"), at + ".endsAt", null),
              s.path("comment").asText("")));
    }
    return out;
  }

  private static Instant instant(JsonNode n, String at, Instant fallback) {
    if (n.isMissingNode() || n.isNull()) {
      if (fallback == null) {
        throw new InvalidInputException(at + ": Required value: an RFC 3339 time");
      }
      return fallback;
    }
    try {
      return Instant.parse(n.asText());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          at + ": Invalid value: \"" + n.asText() + "\": not an RFC 3339 time");
    }
  }
}
