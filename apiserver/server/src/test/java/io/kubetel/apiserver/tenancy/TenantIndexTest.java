package io.kubetel.apiserver.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Building the namespace → tenant → database index from TelemetryTenant objects. */
class TenantIndexTest {
  private static final TenantScope OWN = TenantScope.untenanted("otel", TenantQuotas.CRD_DEFAULTS);
  private static final ClickHouseCredentials SHOP_USER =
      new ClickHouseCredentials("shop_reader", "s3cret");

  @Test
  void theOperatorsStatusDecidesNamespacesAndDatabaseOverTheSpec() throws Exception {
    TenantIndex index =
        index(
            tenant(
                "shop",
                "2026-01-01T00:00:00Z",
                """
                {"namespaces": ["shop"], "database": "ignored_spec_db",
                 "clickhouse": {"credentialsSecret": "shop-ch"},
                 "quotas": {"maxQuerySeconds": 5, "requestsPerSecond": 3,
                            "maxMemoryBytes": 1000000000}}""",
                """
                {"resolvedNamespaces": ["shop", "shop-canary"], "database": "kubetel_shop_1"}"""));

    TenantScope scope = index.scopeOf("shop-canary");
    assertThat(scope.tenant()).contains("shop");
    assertThat(scope.database()).contains("kubetel_shop_1");
    assertThat(scope.credentials()).contains(SHOP_USER);
    assertThat(scope.quotas().maxQueryTime().toSeconds()).isEqualTo(5);
    assertThat(scope.quotas().requestsPerSecond()).isEqualTo(3);
    assertThat(scope.quotas().maxMemoryBytes()).isEqualTo(1_000_000_000L);
    assertThat(scope.quotas().maxConcurrentQueries()).isEqualTo(10); // CRD default
    assertThat(index.scopeOf("elsewhere")).isEqualTo(OWN);
    assertThat(index.scopeOf(Optional.empty())).isEqualTo(OWN);
  }

  @Test
  void theUserTheOperatorProvisionedIsUsedUnlessTheSpecNamesASecret() throws Exception {
    TenantIndex index =
        index(
            tenant(
                "provisioned",
                "",
                "{\"namespaces\": [\"p\"]}",
                """
                {"resolvedNamespaces": ["p"], "database": "kubetel_p_1",
                 "clickhouse": {"credentialsSecret": "shop-ch", "user": "kubetel_p_1_reader"}}"""),
            tenant(
                "declared",
                "",
                "{\"namespaces\": [\"d\"], \"clickhouse\": {\"credentialsSecret\": \"admin-ch\"}}",
                """
                {"resolvedNamespaces": ["d"], "database": "kubetel_d_1",
                 "clickhouse": {"credentialsSecret": "shop-ch"}}"""),
            tenant(
                "pending",
                "",
                "{\"namespaces\": [\"q\"]}",
                """
                {"resolvedNamespaces": ["q"], "database": "kubetel_q_1",
                 "clickhouse": {"credentialsSecret": "not-created-yet"}}"""));

    assertThat(index.scopeOf("p").database()).contains("kubetel_p_1");
    assertThat(index.scopeOf("p").credentials()).contains(SHOP_USER);
    // The spec's Secret wins; it does not exist here, so the tenant is not served at all.
    assertThat(index.scopeOf("d").database()).isEmpty();
    // A status Secret not (yet) in the informer's cache: never the server's own user.
    assertThat(index.scopeOf("q").tenant()).contains("pending");
    assertThat(index.scopeOf("q").database()).isEmpty();
  }

  @Test
  void withoutStatusTheSpecsNamespacesAndDatabaseAreUsed() throws Exception {
    TenantIndex index =
        index(
            tenant("pay", "", "{\"namespaces\": [\"payments\"], \"database\": \"pay_db\"}", null));

    assertThat(index.scopeOf("payments").database()).contains("pay_db");
    assertThat(index.scopeOf("payments").credentials()).isEmpty();
  }

  @Test
  void aNamespaceClaimedTwiceBelongsToTheOlderTenant() throws Exception {
    TenantIndex index =
        index(
            tenant(
                "young",
                "2026-02-01T00:00:00Z",
                "{\"namespaces\": [\"x\"], \"database\": \"young_db\"}",
                null),
            tenant(
                "old",
                "2026-01-01T00:00:00Z",
                "{\"namespaces\": [\"x\"], \"database\": \"old_db\"}",
                null));

    assertThat(index.scopeOf("x").tenant()).contains("old");
  }

  @Test
  void aMissingSecretOrAnInvalidDatabaseMakesTheTenantUnservableNotTheServersUser()
      throws Exception {
    TenantIndex index =
        index(
            tenant(
                "nosecret",
                "",
                "{\"namespaces\": [\"a\"], \"database\": \"a_db\", \"clickhouse\":"
                    + " {\"credentialsSecret\": \"missing\"}}",
                null),
            tenant("baddb", "", "{\"namespaces\": [\"b\"], \"database\": \"b; DROP\"}", null),
            tenant("pending", "", "{\"namespaces\": [\"c\"]}", null));

    for (String namespace : List.of("a", "b", "c")) {
      assertThat(index.scopeOf(namespace).tenant()).as(namespace).isPresent();
      assertThat(index.scopeOf(namespace).database()).as(namespace).isEmpty();
    }
    assertThat(index.readableScopes()).containsExactly(OWN);
  }

  @Test
  void readableScopesAreOnePerDatabaseInDatabaseOrderOfTenantsOwningNamespaces() throws Exception {
    TenantIndex index =
        index(
            tenant("b", "", "{\"namespaces\": [\"b\"], \"database\": \"zz_b\"}", null),
            tenant("a", "", "{\"namespaces\": [\"a\"], \"database\": \"aa_a\"}", null),
            tenant("adopter", "", "{\"namespaces\": [\"c\"], \"database\": \"otel\"}", null),
            tenant("nobody", "", "{\"namespaceSelector\": {}, \"database\": \"no_ns\"}", null));

    assertThat(index.readableScopes())
        .extracting(s -> s.database().get())
        .containsExactly("aa_a", "otel", "zz_b");
  }

  private static TenantIndex index(JsonNode... tenants) {
    return TenantIndex.build(
        java.util.Arrays.stream(tenants).map(TenantDefinition::fromObject).toList(),
        Map.of("shop-ch", SHOP_USER),
        OWN,
        TenantQuotas.CRD_DEFAULTS);
  }

  private static JsonNode tenant(String name, String created, String spec, String status)
      throws Exception {
    String json =
        "{\"apiVersion\": \"kubetel.io/v1alpha1\", \"kind\": \"TelemetryTenant\","
            + " \"metadata\": {\"name\": \""
            + name
            + "\", \"creationTimestamp\": \""
            + created
            + "\"}, \"spec\": "
            + spec
            + (status == null ? "" : ", \"status\": " + status)
            + "}";
    return Json.mapper().readTree(json);
  }
}
