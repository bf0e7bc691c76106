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
// A tenant keeps the database it was created with: adding one later would move it away from the
// database it was provisioned with just as surely as changing it.
@ValidationRule(
    value =
        "has(oldSelf.database) ? (has(self.database) && self.database == oldSelf.database)"
            + " : !has(self.database)",
    message =
        "database cannot be added, changed or removed after the tenant was created: create a new"
            + " tenant to use another database",
    fieldPath = ".database")
@ValidationRule(
    value = "!has(self.adoptExistingDatabase) || !self.adoptExistingDatabase || has(self.database)",
    message = "adoptExistingDatabase needs database: name the existing database to adopt",
    fieldPath = ".adoptExistingDatabase")
@ValidationRule(
    value =
        "!has(self.database) || !(self.database in "
            + TelemetryTenantSpec.SHARED_DATABASES
            + ")"
            + " || (has(self.adoptExistingDatabase) && self.adoptExistingDatabase)",
    message =
        "database default and otel are shared databases (ClickHouse's and the OpenTelemetry"
            + " exporter's): kubetel never creates or drops them; set adoptExistingDatabase: true"
            + " to read one",
    fieldPath = ".database")
@JsonClassDescription(
    "What the tenant asks for: the namespaces it owns (by name and/or label selector), the"
        + " ClickHouse database holding their telemetry, retention per signal, query quotas, who may"
        + " read it, and what happens to the data when the tenant is deleted.")
public class TelemetryTenantSpec {

  /** Shared databases a tenant may only adopt, as a CEL list (the operator refuses them too). */
  static final String SHARED_DATABASES = "['default', 'otel']";

  /** Databases no tenant may use, as a CEL list (the operator refuses them too). */
  static final String SYSTEM_DATABASES = "['system', 'information_schema', 'kubetel_system']";

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
  @ValidationRule(
      value = "!(self in " + SYSTEM_DATABASES + ")",
      message =
          "system, information_schema and kubetel_system belong to ClickHouse and kubetel: choose"
              + " another database")
  @JsonPropertyDescription(
      "ClickHouse database holding the tenant's data. Defaults to kubetel_<name>_<hash>: the name"
          + " with '-' and '.' as '_', and 8 hex digits of a hash of the full name, so no two"
          + " tenants get the same database. Fixed at creation: it cannot be added, changed or"
          + " removed later. The operator creates it and records that it did; it never uses a"
          + " database that already exists (unless adoptExistingDatabase is set), another tenant's"
          + " database, or a reserved one (system, information_schema, default, otel, kubetel's"
          + " own).")
  private String database;

  @JsonPropertyDescription(
      "Adopt database, an existing database that a collector already writes: the operator reads"
          + " it and manages its retention, creates only telemetry tables it lacks, and never"
          + " drops it, whatever the deletionPolicy. Needed to use default or otel. Refused when"
          + " another tenant owns or adopted that database. Defaults to false: the operator then"
          + " uses only a database it created for this tenant.")
  private Boolean adoptExistingDatabase;

  @Default("Retain")
  @JsonPropertyDescription(
      "What happens to the tenant's data when the tenant is deleted: Retain (default) keeps the"
          + " database, Delete drops it if the operator created it for this tenant (never an"
          + " adopted, reserved or other tenant's database).")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  @JsonPropertyDescription(
      "The ClickHouse identity the tenant's telemetry is read as (its credentials Secret).")
  private TenantClickHouse clickhouse;

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

  public Boolean getAdoptExistingDatabase() {
    return adoptExistingDatabase;
  }

  public void setAdoptExistingDatabase(Boolean adoptExistingDatabase) {
    this.adoptExistingDatabase = adoptExistingDatabase;
  }

  /** Whether the spec adopts an existing database ({@code adoptExistingDatabase: true}). */
  public boolean adopts() {
    return Boolean.TRUE.equals(adoptExistingDatabase);
  }

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }

  public TenantClickHouse getClickhouse() {
    return clickhouse;
  }

  public void setClickhouse(TenantClickHouse clickhouse) {
    this.clickhouse = clickhouse;
  }

  public List<Subject> getViewers() {
    return viewers;
  }

  public void setViewers(List<Subject> viewers) {
    this.viewers = viewers;
  }
}
