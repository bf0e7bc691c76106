package io.kubetel.apiserver.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the API server needs of one TelemetryTenant object, read from its JSON so the server needs
 * no dependency on the operator's CRD classes. The operator's status is preferred: {@code
 * status.resolvedNamespaces} already applies {@code spec.namespaces}, the namespace selector and
 * the oldest-tenant-wins rule, and {@code status.database} is the database it provisioned. Without
 * a status (standalone files) the spec's explicit namespaces and database are used.
 *
 * @param name the tenant's name
 * @param created its creationTimestamp (RFC 3339; "" when unknown), the tie-break between claims
 * @param namespaces the namespaces it owns
 * @param database its database, empty while not provisioned
 * @param credentialsSecret the Secret with its ClickHouse user: {@code spec.clickhouse
 *     .credentialsSecret}, else {@code status.clickhouse.credentialsSecret} (the user the operator
 *     provisioned on ClickHouse 20.4+); empty when its queries run as the server's own user
 * @param quotas {@code spec.quotas}, possibly missing
 */
public record TenantDefinition(
    String name,
    String created,
    List<String> namespaces,
    Optional<String> database,
    Optional<String> credentialsSecret,
    JsonNode quotas) {

  public TenantDefinition {
    namespaces = List.copyOf(namespaces);
  }

  /** Reads a TelemetryTenant object. */
  public static TenantDefinition fromObject(JsonNode tenant) {
    JsonNode spec = tenant.path("spec");
    JsonNode status = tenant.path("status");
    JsonNode names =
        status.path("resolvedNamespaces").isArray()
            ? status.path("resolvedNamespaces")
            : spec.path("namespaces");
    List<String> namespaces = new ArrayList<>();
    names.forEach(n -> namespaces.add(n.asText()));
    return new TenantDefinition(
        tenant.path("metadata").path("name").asText(),
        tenant.path("metadata").path("creationTimestamp").asText(""),
        namespaces,
        text(status.path("database")).or(() -> text(spec.path("database"))),
        // The spec's Secret (an administrator's user) wins over the one the operator provisioned.
        text(spec.path("clickhouse").path("credentialsSecret"))
            .or(() -> text(status.path("clickhouse").path("credentialsSecret"))),
        spec.path("quotas"));
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank()
        ? Optional.of(node.asText())
        : Optional.empty();
  }
}
