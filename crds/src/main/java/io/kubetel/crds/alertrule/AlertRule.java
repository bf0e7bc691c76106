package io.kubetel.crds.alertrule;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An alert rule (namespaced): a telemetry query over the rule's namespace, a condition on its
 * aggregated value, timing, and where notifications go. Evaluated by the alerting component; the
 * operator validates it.
 */
@Group("kubetel.io")
@Version("v1alpha1")
@Kind("AlertRule")
@Plural("alertrules")
@Singular("alertrule")
@ShortNames({"kar", "krule"})
@Categories("kubetel")
// Columns appear in this order (CrdGeneration keeps it; the generator alone sorts by JSONPath).
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "State",
    jsonPath = ".status.state",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Severity",
    jsonPath = ".spec.severity",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Valid",
    jsonPath = ".status.conditions[?(@.type==\"Valid\")].status",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Last Value",
    jsonPath = ".status.lastValue",
    type = AdditionalPrinterColumn.Type.NUMBER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AlertRule extends CustomResource<AlertRuleSpec, AlertRuleStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;

  /**
   * The spec, required by the schema ({@code required: [spec]}): a rule without one has nothing to
   * evaluate. An object stored before the schema required it is reported by the operator, not
   * reconciled.
   */
  @Override
  @Required
  public AlertRuleSpec getSpec() {
    return super.getSpec();
  }
}
