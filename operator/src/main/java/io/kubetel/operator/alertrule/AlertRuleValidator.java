package io.kubetel.operator.alertrule;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleSpec;
import io.kubetel.crds.alertrule.Receiver;
import io.kubetel.crds.common.SecretKeyRef;
import io.kubetel.operator.query.DurationProblems;
import io.kubetel.operator.query.Problem;
import io.kubetel.operator.query.QuerySpecChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Validates an AlertRule beyond its schema: the query against the stored data, the durations, the
 * condition, and that every referenced Secret key exists in the rule's namespace.
 */
public final class AlertRuleValidator {

  private final QuerySpecChecker queries;
  private final BiFunction<String, String, Optional<Secret>> secrets;

  /**
   * @param secrets looks a Secret up by namespace and name
   */
  public AlertRuleValidator(
      QuerySpecChecker queries, BiFunction<String, String, Optional<Secret>> secrets) {
    this.queries = queries;
    this.secrets = secrets;
  }

  /** Looks Secrets up through the API server (by namespace and name). */
  public static BiFunction<String, String, Optional<Secret>> secretsOf(KubernetesClient client) {
    return (ns, name) -> Optional.ofNullable(client.secrets().inNamespace(ns).withName(name).get());
  }

  /** All problems, most fundamental first; empty when the rule is valid. */
  public List<Problem> validate(AlertRule rule) {
    AlertRuleSpec spec = rule.getSpec();
    String namespace = rule.getMetadata().getNamespace();
    List<Problem> out = new ArrayList<>();
    if (spec == null || spec.getQuery() == null) {
      out.add(new Problem("MissingQuery", "spec.query", "query is required"));
      return out;
    }
    out.addAll(queries.check(spec.getQuery(), namespace, "spec.query", Set.of()));
    DurationProblems.check(spec.getForDuration(), "spec.for", false, out);
    DurationProblems.check(spec.getKeepFiringFor(), "spec.keepFiringFor", false, out);
    DurationProblems.check(spec.getInterval(), "spec.interval", true, out);
    if (spec.getCondition() == null
        || spec.getCondition().getComparator() == null
        || spec.getCondition().getThreshold() == null) {
      out.add(
          new Problem(
              "InvalidCondition",
              "spec.condition",
              "a Threshold condition needs comparator and threshold"));
    } else if (spec.getCondition().getThreshold().isNaN()
        || spec.getCondition().getThreshold().isInfinite()) {
      out.add(
          new Problem("InvalidCondition", "spec.condition.threshold", "threshold must be finite"));
    }
    List<Receiver> receivers = spec.getReceivers() == null ? List.of() : spec.getReceivers();
    for (int i = 0; i < receivers.size(); i++) {
      Receiver r = receivers.get(i);
      String field = "spec.receivers[" + i + "]";
      // Each Secret the receiver reads, by the field path that names it, in spec order.
      Map<String, SecretKeyRef> refs = new LinkedHashMap<>();
      if (r.getSlack() != null) {
        refs.put(".slack.webhookUrlSecretRef", r.getSlack().getWebhookUrlSecretRef());
      }
      if (r.getPagerDuty() != null) {
        refs.put(".pagerDuty.routingKeySecretRef", r.getPagerDuty().getRoutingKeySecretRef());
      }
      if (r.getWebhook() != null) {
        refs.put(".webhook.urlSecretRef", r.getWebhook().getUrlSecretRef());
        if (r.getWebhook().getAuthorizationSecretRef() != null) {
          refs.put(".webhook.authorizationSecretRef", r.getWebhook().getAuthorizationSecretRef());
        }
      }
      refs.forEach((path, ref) -> secret(namespace, ref, field + path, out));
    }
    return out;
  }

  private void secret(String namespace, SecretKeyRef ref, String field, List<Problem> out) {
    if (ref == null) {
      out.add(new Problem("MissingSecretRef", field, "a secret reference is required"));
      return;
    }
    Optional<Secret> secret = secrets.apply(namespace, ref.getName());
    if (secret.isEmpty()) {
      out.add(
          new Problem(
              "SecretNotFound",
              field,
              "Secret " + ref.getName() + " does not exist in namespace " + namespace));
      return;
    }
    Secret s = secret.get();
    boolean hasKey =
        (s.getData() != null && s.getData().containsKey(ref.getKey()))
            || (s.getStringData() != null && s.getStringData().containsKey(ref.getKey()));
    if (!hasKey) {
      out.add(
          new Problem(
              "SecretKeyNotFound",
              field,
              "Secret " + ref.getName() + " has no key " + ref.getKey()));
    }
  }
}
