package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.kubetel.crds.common.CrdPatterns;
import java.util.ArrayList;
import java.util.List;

/** What a TelemetryTenant asks for. */
@ValidationRule(
    value = "(has(self.namespaces) && size(self.namespaces) > 0) || has(self.namespaceSelector)",
    message = "at least one of namespaces or namespaceSelector must be set",
    reason = "FieldValueRequired")
@ValidationRule(
    value = "!has(oldSelf.database) || (has(self.database) && self.database == oldSelf.database)",
    message = "database cannot be changed or removed once set: create a new tenant to move data",
    fieldPath = ".database")
@JsonClassDescription(
    "What the tenant asks for: the namespaces it owns (by name and/or label selector), the"
        + " ClickHouse database holding their telemetry, retention per signal, query quotas, who may"
        + " read it, and what happens to the data when the tenant is deleted.")
public class TelemetryTenantSpec {

  // Item constraints are schema keywords (not CEL) and lists are bounded, so the uniqueness rule
  // stays within kube-apiserver's CEL cost budget.
  @Size(max = 128)
  @ValidationRule(
      value = "self.all(n, self.exists_one(m, m == n))",
      message = "namespaces must not repeat")
  @JsonPropertyDescription(
      "Namespaces the tenant owns, by name. Combined (union) with namespaceSelector.")
  private List<@Size(min = 1, max = 63) @Pattern(CrdPatterns.DNS_LABEL) String> namespaces =
      new ArrayList<>();

  @JsonPropertyDescription(
      "Label selector choosing further namespaces the tenant owns; re-evaluated whenever"
          + " namespaces or their labels change.")
  private NamespaceSelector namespaceSelector;

  @JsonPropertyDescription("How long data is kept, per signal.")
  private Retention retention = new Retention();

  @JsonPropertyDescription("Limits on the tenant's queries, enforced by the API server.")
  private Quotas quotas = new Quotas();

  @Pattern(CrdPatterns.DATABASE)
  @Size(max = 63)
  @JsonPropertyDescription(
      "ClickHouse database holding the tenant's data. Defaults to kubetel_<name> with '-'"
          + " replaced by '_'. Cannot be changed once set; the operator also refuses to move a"
          + " tenant that already has data in another database.")
  private String database;

  @Default("Retain")
  @JsonPropertyDescription(
      "What happens to the tenant's data when the tenant is deleted: Retain (default) keeps the"
          + " database, Delete drops it.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  @Size(max = 64)
  @JsonPropertyDescription(
      "Users, groups and service accounts granted read access to the tenant's telemetry in each of"
          + " its namespaces (a RoleBinding to the ClusterRole kubetel-telemetry-viewer).")
  private List<Subject> viewers = new ArrayList<>();

  public List<String> getNamespaces() {
    return namespaces;
  }

  public void setNamespaces(List<String> namespaces) {
    this.namespaces = namespaces;
  }

  public NamespaceSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
    this.namespaceSelector = namespaceSelector;
  }

  public Retention getRetention() {
    return retention;
  }

  public void setRetention(Retention retention) {
    this.retention = retention;
  }

  public Quotas getQuotas() {
    return quotas;
  }

  public void setQuotas(Quotas quotas) {
    this.quotas = quotas;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public List<Subject> getViewers() {
    return viewers;
  }

  public void setViewers(List<Subject> viewers) {
    this.viewers = viewers;
  }
}
