package io.kubetel.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.alerting.anomaly.AnomalyModels;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.service.AlertingService;
import io.kubetel.alerting.service.AlertingSettings;
import io.kubetel.apiserver.customresources.CustomResourceSet;
import io.kubetel.apiserver.secrets.SecretValues;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.store.TelemetryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the composition root: in standalone mode, runs the alert evaluator over the AlertRules of
 * {@code --custom-resources-dir}, with the receivers' Secrets from the same directory, the server's
 * store as query runner and its alert history in {@code --system-database}. There is no
 * kube-apiserver and no leader election here: one standalone server is the one evaluator.
 */
final class StandaloneAlerting {
  private static final Logger log = LoggerFactory.getLogger(StandaloneAlerting.class);

  private StandaloneAlerting() {}

  /** The started service, or empty when there are no valid rules or no history. */
  static Optional<AlertingService> start(
      CustomResourceSet objects, TelemetryStore store, String systemDatabase, Clock clock) {
    Optional<AlertHistory> history = store.alertHistory();
    if (history.isEmpty()) {
      return Optional.empty();
    }
    AnomalyModels anomalyModels = new AnomalyModels();
    AlertRuleParser parser =
        new AlertRuleParser(anomalyModels.registerOn(ConditionTypes.standard()));
    List<AlertRuleDefinition> rules = new ArrayList<>();
    for (ObjectNode rule : objects.list("alertrules", Optional.empty())) {
      try {
        rules.add(parser.parse(rule));
      } catch (InvalidInputException e) {
        log.error(
            "event=alert_rule_not_evaluated rule={}/{} reason=\"{}\"",
            rule.path("metadata").path("namespace").asText(),
            rule.path("metadata").path("name").asText(),
            e.getMessage());
      }
    }
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    List<ObjectNode> secrets = objects.receiverSecrets();
    AlertingService service =
        new AlertingService(
            AlertingSettings.defaults(systemDatabase),
            namespace -> store,
            history.get(),
            (namespace, ref) ->
                secrets.stream()
                    .filter(s -> namespace.equals(meta(s, "namespace")))
                    .filter(s -> ref.name().equals(meta(s, "name")))
                    .findFirst()
                    .flatMap(s -> SecretValues.value(s, ref.key())),
            clock);
    service.replaceRules(rules);
    service.persisting(anomalyModels).start();
    log.info(
        "event=standalone_alerting_started rules={} receiver_secrets={} database={}",
        rules.size(),
        secrets.size(),
        systemDatabase);
    return Optional.of(service);
  }

  private static String meta(JsonNode object, String field) {
    return object.path("metadata").path(field).asText();
  }
}
