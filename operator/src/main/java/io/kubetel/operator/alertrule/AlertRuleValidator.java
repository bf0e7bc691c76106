package io.kubetel.operator.alertrule;

import io.fabric8.kubernetes.api.model.Secret;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleSpec;
import io.kubetel.crds.alertrule.Receiver;
import io.kubetel.crds.common.SecretKeyRef;
import io.kubetel.model.duration.Durations;
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
 * condition, and that every referenced Secret key exists in the rule's namespace (among the Secrets
 * the operator can see: those labelled {@value ReceiverSecrets#LABEL}, see {@link
 * ReceiverSecrets}).
 */
public final class AlertRuleValidator {

  private final QuerySpecChecker queries;

  public AlertRuleValidator(QuerySpecChecker queries) {
    this.queries = queries;
  }

  /**
   * All problems, most fundamental first; empty when the rule is valid.
   *
   * @param secrets looks a Secret up by namespace and name (the reconciler: in the cache of
   *     labelled Secrets)
   */
  public List<Problem> validate(
      AlertRule rule, BiFunction<String, String, Optional<Secret>> secrets) {
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
    if (spec.getInterval() != null
        && Durations.isValid(spec.getInterval())
        && Durations.parse(spec.getInterval()).compareTo(AlertRuleParser.MIN_INTERVAL) < 0) {
      out.add(
          new Problem(
              "InvalidDuration",
              "spec.interval",
              "interval must be at least "
                  + Durations.format(AlertRuleParser.MIN_INTERVAL)
                  + ", got "
                  + spec.getInterval()));
    }
    if (spec.getRepeatInterval() != null) {
      DurationProblems.check(spec.getRepeatInterval(), "spec.repeatInterval", true, out);
    }
    SilenceProblems.check(spec.getSilences(), out);
    ConditionProblems.check(spec.getCondition(), out);
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
        if (r.getWebhook().getSigningSecretRef() != null) {
          refs.put(".webhook.signingSecretRef", r.getWebhook().getSigningSecretRef());
        }
      }
      refs.forEach((path, ref) -> secret(secrets, namespace, ref, field + path, out));
    }
    return out;
  }

  private static void secret(
      BiFunction<String, String, Optional<Secret>> secrets,
      String namespace,
      SecretKeyRef ref,
      String field,
      List<Problem> out) {
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
              "Secret "
                  + ref.getName()
                  + " does not exist in namespace "
                  + namespace
                  + " or lacks the label "
                  + ReceiverSecrets.SELECTOR
                  + " (the operator reads only Secrets with that label: kubectl label secret "
                  + ref.getName()
                  + " -n "
                  + namespace
                  + " "
                  + ReceiverSecrets.SELECTOR
                  + ")"));
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
