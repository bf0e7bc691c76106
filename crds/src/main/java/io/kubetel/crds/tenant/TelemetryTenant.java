package io.kubetel.crds.tenant;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A telemetry tenant (cluster-scoped): the namespaces whose telemetry belongs to one team, where it
 * is stored, how long it is kept, and who may read it.
 */
@Group(TelemetryTenant.GROUP)
@Version(TelemetryTenant.VERSION)
@Kind("TelemetryTenant")
@Plural("telemetrytenants")
@Singular("telemetrytenant")
@ShortNames({"ttenant", "tenant"})
@Categories("kubetel")
// Columns appear in this order (CrdGeneration keeps it; the generator alone sorts by JSONPath).
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Database",
    jsonPath = ".status.database",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Namespaces",
    jsonPath = ".status.resolvedNamespaces",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class TelemetryTenant extends CustomResource<TelemetryTenantSpec, TelemetryTenantStatus> {
  private static final long serialVersionUID = 1L;

  /**
   * The spec, required by the schema ({@code required: [spec]}): a tenant without one names no
   * namespaces. An object stored before the schema required it is reported by the operator, not
   * reconciled.
   */
  @Override
  @Required
  public TelemetryTenantSpec getSpec() {
    return super.getSpec();
  }

  public static final String GROUP = "kubetel.io";
  public static final String VERSION = "v1alpha1";
}
