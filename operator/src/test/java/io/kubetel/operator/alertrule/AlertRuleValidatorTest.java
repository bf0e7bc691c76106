package io.kubetel.operator.alertrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubetel.crds.alertrule.AlertCondition;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AlertRuleSpec;
import io.kubetel.crds.alertrule.Comparator;
import io.kubetel.crds.alertrule.Receiver;
import io.kubetel.crds.alertrule.WebhookReceiver;
import io.kubetel.crds.common.SecretKeyRef;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.Signal;
import io.kubetel.model.query.TelemetryQuerySpec;
import io.kubetel.operator.query.CatalogLookup;
import io.kubetel.operator.query.Problem;
import io.kubetel.operator.query.QuerySpecChecker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AlertRule checks that need no server: condition, durations and Secret references. */
class AlertRuleValidatorTest {

  static final Secret RECEIVERS =
      new SecretBuilder()
          .withNewMetadata()
          .withName("receivers")
          .withNamespace("shop")
          .endMetadata()
          .withData(Map.of("url", "aHR0cHM6Ly9leGFtcGxl"))
          .build();

  final AlertRuleValidator validator =
      new AlertRuleValidator(new QuerySpecChecker(CatalogLookup.NONE));

  /** The labelled Secrets the operator sees: only {@code shop/receivers}. */
  static Optional<Secret> secrets(String ns, String name) {
    return ns.equals("shop") && name.equals("receivers")
        ? Optional.of(RECEIVERS)
        : Optional.empty();
  }

  static AlertRule rule(SecretKeyRef url, SecretKeyRef auth) {
    TelemetryQuerySpec q = new TelemetryQuerySpec();
    q.setSignal(Signal.TRACES);
    q.setAggregation(Aggregation.P99);
    AlertCondition c = new AlertCondition();
    c.setComparator(Comparator.GreaterThan);
    c.setThreshold(500.0);
    WebhookReceiver hook = new WebhookReceiver();
    hook.setUrlSecretRef(url);
    hook.setAuthorizationSecretRef(auth);
    Receiver r = new Receiver();
    r.setName("hook");
    r.setWebhook(hook);
    AlertRuleSpec spec = new AlertRuleSpec();
    spec.setQuery(q);
    spec.setCondition(c);
    spec.setReceivers(List.of(r));
    AlertRule rule = new AlertRule();
    rule.getMetadata().setName("latency");
    rule.getMetadata().setNamespace("shop");
    rule.setSpec(spec);
    return rule;
  }

  @Test
  void aRuleWithExistingSecretKeysIsValid() {
    assertThat(
            validator.validate(
                rule(new SecretKeyRef("receivers", "url"), null), AlertRuleValidatorTest::secrets))
        .isEmpty();
  }

  @Test
  void missingSecretsAndKeysAreNamedWithTheirField() {
    List<Problem> problems =
        validator.validate(
            rule(new SecretKeyRef("receivers", "token"), new SecretKeyRef("elsewhere", "auth")),
            AlertRuleValidatorTest::secrets);
    assertThat(problems)
        .extracting(Problem::reason, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "SecretKeyNotFound", "spec.receivers[0].webhook.urlSecretRef"),
            org.assertj.core.groups.Tuple.tuple(
                "SecretNotFound", "spec.receivers[0].webhook.authorizationSecretRef"));
    assertThat(problems.get(1).message())
        .contains("elsewhere", "shop", "or lacks the label kubetel.io/alert-receivers=true");
  }

  @Test
  void conditionAndDurationsAreChecked() {
    AlertRule r = rule(new SecretKeyRef("receivers", "url"), null);
    r.getSpec().getCondition().setThreshold(Double.NaN);
    r.getSpec().setForDuration("5 minutes");
    assertThat(validator.validate(r, AlertRuleValidatorTest::secrets))
        .extracting(Problem::reason, Problem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("InvalidDuration", "spec.for"),
            org.assertj.core.groups.Tuple.tuple("InvalidCondition", "spec.condition.threshold"));
  }
}
