package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.StatusSchema;
import java.util.ArrayList;
import java.util.List;

/** What the operator observed and did for a TelemetryTenant. */
@JsonClassDescription(
    "What the operator observed and did for the tenant: the namespaces it owns, its database, when"
        + " retention last ran, and conditions (Ready, Reconciling, Stalled and the steps').")
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = StatusSchema.class, input = "lastRetentionRun")
public class TelemetryTenantStatus {

  @JsonPropertyDescription(
      "Namespaces the tenant currently owns (explicit list plus selector matches, minus namespaces"
          + " owned by an older tenant), sorted.")
  private List<String> resolvedNamespaces = new ArrayList<>();

  @JsonPropertyDescription("ClickHouse database holding the tenant's data.")
  private String database;

  @JsonPropertyDescription(
      "The ClickHouse user the operator provisioned for the tenant and the Secret holding it;"
          + " absent on ClickHouse before 20.4 and when spec.clickhouse.credentialsSecret is set.")
  private TenantClickHouseStatus clickhouse;

  @JsonPropertyDescription("Time retention last ran successfully (RFC 3339).")
  private String lastRetentionRun;

  @JsonPropertyDescription("metadata.generation of the spec this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready (everything applied), Reconciling (work in progress or being retried), Stalled (cannot"
          + " progress without a change), StorageReady (database and tables exist),"
          + " RetentionApplied; one per type.")
  private List<Condition> conditions = new ArrayList<>();

  public List<String> getResolvedNamespaces() {
    return resolvedNamespaces;
  }

  public void setResolvedNamespaces(List<String> resolvedNamespaces) {
    this.resolvedNamespaces = resolvedNamespaces;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public TenantClickHouseStatus getClickhouse() {
    return clickhouse;
  }

  public void setClickhouse(TenantClickHouseStatus clickhouse) {
    this.clickhouse = clickhouse;
  }

  public String getLastRetentionRun() {
    return lastRetentionRun;
  }

  public void setLastRetentionRun(String lastRetentionRun) {
    this.lastRetentionRun = lastRetentionRun;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
