package io.kubetel.operator.alertrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.crds.alertrule.AlertCondition;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.AnomalyCondition;
import io.kubetel.crds.alertrule.Comparator;
import io.kubetel.crds.alertrule.ConditionType;
import io.kubetel.crds.common.SecretKeyRef;
import io.kubetel.operator.query.CatalogLookup;
import io.kubetel.operator.query.Problem;
import io.kubetel.operator.query.QuerySpecChecker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An AlertRule with an Anomaly condition: valid without a threshold, clear errors otherwise. */
class AnomalyConditionValidationTest {

  final AlertRuleValidator validator =
      new AlertRuleValidator(new QuerySpecChecker(CatalogLookup.NONE));

  static AlertRule anomalyRule(AnomalyCondition anomaly) {
    AlertRule rule = AlertRuleValidatorTest.rule(new SecretKeyRef("receivers", "url"), null);
    AlertCondition c = new AlertCondition();
    c.setType(ConditionType.Anomaly);
    c.setAnomaly(anomaly);
    rule.getSpec().setCondition(c);
    return rule;
  }

  List<Problem> validate(AlertRule rule) {
    return validator.validate(rule, AlertRuleValidatorTest::secrets);
  }

  @Test
  void anAnomalyConditionWithoutThresholdIsValid() {
    AnomalyCondition a = new AnomalyCondition();
    a.setSensitivity(AnomalyCondition.Sensitivity.High);
    a.setSeason("1d");
    a.setMinimumDuration("10m");
    assertThat(validate(anomalyRule(a))).isEmpty();
    assertThat(validate(anomalyRule(new AnomalyCondition()))).isEmpty();
  }

  @Test
  void anAnomalyConditionWithoutAnomalyNamesTheField() {
    assertThat(validate(anomalyRule(null)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("spec.condition.anomaly");
              assertThat(p.message()).contains("needs anomaly").doesNotContain("threshold");
            });
  }

  @Test
  void anAnomalyConditionRejectsAThresholdAndBadDurations() {
    AnomalyCondition a = new AnomalyCondition();
    a.setSeason("0s");
    a.setMinimumDuration("ten minutes");
    AlertRule rule = anomalyRule(a);
    rule.getSpec().getCondition().setComparator(Comparator.GreaterThan);
    rule.getSpec().getCondition().setThreshold(5.0);
    assertThat(validate(rule))
        .extracting(Problem::field)
        .containsExactly(
            "spec.condition",
            "spec.condition.anomaly.season",
            "spec.condition.anomaly.minimumDuration");
  }

  @Test
  void aThresholdConditionWithAnomalyIsRejected() {
    AlertRule rule = AlertRuleValidatorTest.rule(new SecretKeyRef("receivers", "url"), null);
    rule.getSpec().getCondition().setAnomaly(new AnomalyCondition());
    assertThat(validate(rule)).extracting(Problem::field).containsExactly("spec.condition.anomaly");
  }
}
