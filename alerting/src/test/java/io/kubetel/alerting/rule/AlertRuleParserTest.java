package io.kubetel.alerting.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.testing.Rules;
import org.junit.jupiter.api.Test;

/**
 * Receivers as the operator hands them over: an AlertRule serialized from the CRD classes carries
 * every receiver kind, the unused ones as JSON null.
 */
class AlertRuleParserTest {

  @Test
  void nullReceiverKindsAreAbsentNotSlack() {
    AlertRuleDefinition rule =
        Rules.rule(
            "serialized",
            "'receivers':[{'name':'hook','slack':null,'pagerDuty':null,"
                + "'webhook':{'urlSecretRef':{'name':'receivers','key':'url'}}},"
                + "{'name':'pd','slack':null,'webhook':null,"
                + "'pagerDuty':{'routingKeySecretRef':{'name':'receivers','key':'pd'}}}]");

    assertThat(rule.receivers()).hasSize(2);
    assertThat(rule.receivers().get(0)).isInstanceOf(ReceiverTarget.Webhook.class);
    assertThat(rule.receivers().get(1)).isInstanceOf(ReceiverTarget.PagerDuty.class);
  }
}
