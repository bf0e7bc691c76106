package io.kubetel.alerting.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.model.json.Json;

/** AlertRules for tests, written as the YAML-equivalent JSON users write. */
public final class Rules {
  private Rules() {}

  public static JsonNode json(String json) {
    try {
      return Json.mapper().readTree(json.replace('\'', '"'));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A rule on checkout's error rate with the given timing and extra spec fields. */
  public static AlertRuleDefinition rule(String name, String extraSpec) {
    String spec =
        "{'apiVersion':'kubetel.io/v1alpha1','kind':'AlertRule',"
            + "'metadata':{'name':'"
            + name
            + "','namespace':'shop','generation':1},"
            + "'spec':{'query':{'signal':'traces','aggregation':'rate','range':'5m','step':'1m',"
            + "'filters':[{'key':'service','values':['checkout']}]},"
            + "'condition':{'type':'Threshold','comparator':'GreaterThan','threshold':5},"
            + "'severity':'critical','annotations':{'summary':'rate is {{ $value }} on"
            + " {{ $labels.http.route }}'}"
            + (extraSpec.isEmpty() ? "" : "," + extraSpec)
            + "}}";
    return new AlertRuleParser(ConditionTypes.standard()).parse(json(spec));
  }
}
