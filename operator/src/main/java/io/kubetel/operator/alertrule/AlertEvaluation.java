package io.kubetel.operator.alertrule;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubetel.alerting.anomaly.AnomalyModels;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.delivery.SecretResolver;
import io.kubetel.alerting.evaluation.QueryRunners;
import io.kubetel.alerting.evaluation.RuleStatus;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.service.AlertingService;
import io.kubetel.alerting.service.AlertingSettings;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.json.Json;
import io.kubetel.model.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The operator's host of the alerting component. The AlertRule reconciler feeds it the valid rules
 * and reads back each rule's evaluation for its status. Reconcilers run only on the elected leader,
 * so the evaluator starts with the first reconcile there and never on a standby replica; a new
 * leader restores the state from kubetel's own database.
 */
public final class AlertEvaluation implements AutoCloseable {
  private final AlertingSettings settings;
  private final QueryRunners runners;
  private final AlertHistory history;
  private final Clock clock;
  // The Anomaly condition's learned detectors live as long as this host, across re-parses.
  private final AnomalyModels anomalyModels = new AnomalyModels();
  private final AlertRuleParser parser =
      new AlertRuleParser(anomalyModels.registerOn(ConditionTypes.standard()));
  private final Map<String, AlertRuleDefinition> rules = new ConcurrentHashMap<>();
  private volatile BiFunction<String, String, Optional<Secret>> secrets =
      (ns, name) -> Optional.empty();
  private volatile AlertingService service;

  public AlertEvaluation(
      AlertingSettings settings, QueryRunners runners, AlertHistory history, Clock clock) {
    this.settings = settings;
    this.runners = runners;
    this.history = history;
    this.clock = clock;
  }

  /**
   * Evaluates {@code rule} from now on (replacing its earlier spec).
   *
   * @throws InvalidInputException when the evaluator cannot take the spec
   */
  public void accept(AlertRule rule, BiFunction<String, String, Optional<Secret>> secretCache) {
    AlertRuleDefinition definition = parser.parse(Json.mapper().valueToTree(rule));
    this.secrets = secretCache;
    rules.put(definition.key(), definition);
    started().replaceRules(rules.values());
  }

  /** Stops evaluating the rule with this key (invalid, deleted, or out of scope). */
  public void forget(String key) {
    if (rules.remove(key) != null && service != null) {
      service.replaceRules(rules.values());
    }
  }

  /** Forgets every rule not among {@code keys} (the informer's current rules). */
  public void retainOnly(Collection<String> keys) {
    Set<String> keep = Set.copyOf(keys);
    if (rules.keySet().removeIf(k -> !keep.contains(k)) && service != null) {
      service.replaceRules(rules.values());
    }
  }

  /** The rule's last evaluation, if it ran. */
  public Optional<RuleStatus> status(String key) {
    return service == null ? Optional.empty() : service.evaluator().status(key);
  }

  /** Receivers of the rule whose last notification was refused, with why. */
  public Map<String, String> failedReceivers(String key) {
    return service == null ? Map.of() : service.dispatcher().failedReceivers(key);
  }

  private synchronized AlertingService started() {
    if (service == null) {
      SecretResolver resolver =
          (namespace, ref) ->
              secrets.apply(namespace, ref.name()).flatMap(s -> value(s, ref.key()));
      service =
          new AlertingService(settings, runners, history, resolver, clock)
              .persisting(anomalyModels)
              .start();
    }
    return service;
  }

  private static Optional<String> value(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return Optional.of(s.getStringData().get(key));
    }
    if (s.getData() != null && s.getData().containsKey(key)) {
      return Optional.of(
          new String(Base64.getMimeDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8));
    }
    return Optional.empty();
  }

  /** The keys of {@code rules}, for {@link #retainOnly}. */
  public static Set<String> keys(Collection<AlertRule> rules) {
    return rules.stream()
        .map(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .collect(Collectors.toSet());
  }

  @Override
  public synchronized void close() {
    if (service != null) {
      service.close();
    }
  }
}
