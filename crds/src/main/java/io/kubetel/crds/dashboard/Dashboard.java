package io.kubetel.crds.dashboard;

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
 * A dashboard (namespaced): panels of telemetry queries over the dashboard's namespace, laid out on
 * a 24-column grid, with variables the viewer can change.
 */
@Group("kubetel.io")
@Version("v1alpha1")
@Kind("Dashboard")
@Plural("dashboards")
@Singular("dashboard")
@ShortNames({"kdash"})
@Categories("kubetel")
// Columns appear in this order (CrdGeneration keeps it; the generator alone sorts by JSONPath).
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Title",
    jsonPath = ".spec.title",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Panels",
    jsonPath = ".status.panelCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
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
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Dashboard extends CustomResource<DashboardSpec, DashboardStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;

  /**
   * The spec, required by the schema ({@code required: [spec]}): a dashboard without one has no
   * panels to show. An object stored before the schema required it is reported by the operator, not
   * reconciled.
   */
  @Override
  @Required
  public DashboardSpec getSpec() {
    return super.getSpec();
  }
}
