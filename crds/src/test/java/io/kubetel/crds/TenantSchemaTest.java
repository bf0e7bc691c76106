package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Crafted TelemetryTenants the CRD schema must reject, each with the error a user would see. */
class TenantSchemaTest {

  static final CrdSchema CRD = CrdSchema.load("telemetrytenants");

  static ObjectNode tenant() {
    return CrdSchema.yaml(
        """
        apiVersion: kubetel.io/v1alpha1
        kind: TelemetryTenant
        metadata: {name: shop}
        spec:
          namespaces: [shop, shop-frontend]
          retention: {metrics: 30d, traces: 7d, logs: 14d}
          quotas: {maxRowsRead: 1000000, maxQuerySeconds: 30}
          viewers:
            - {kind: Group, name: shop-developers}
        """);
  }

  @Test
  void aMinimalTenantIsAccepted() {
    assertThat(CRD.validate(tenant())).isEmpty();
  }

  @Test
  void needsNamespacesOrASelector() {
    ObjectNode t = tenant();
    spec(t).remove("namespaces");
    CRD.assertRejects(t, "at least one of namespaces or namespaceSelector must be set");
    spec(t).putObject("namespaceSelector").putObject("matchLabels").put("team", "shop");
    assertThat(CRD.validate(t)).isEmpty();
  }

  @Test
  void rejectsInvalidAndDuplicateNamespaceNames() {
    ObjectNode t = tenant();
    spec(t).putArray("namespaces").add("Shop_Frontend");
    CRD.assertRejects(t, "/spec/namespaces/0", "pattern");
    spec(t).putArray("namespaces").add("a".repeat(64));
    CRD.assertRejects(t, "/spec/namespaces/0");
    spec(t).putArray("namespaces").add("shop").add("shop");
    CRD.assertRejects(t, "must not repeat");
  }

  @Test
  void rejectsBadRetentionDurations() {
    ObjectNode t = tenant();
    ((ObjectNode) spec(t).get("retention")).put("traces", "1 week");
    CRD.assertRejects(t, "traces").contains("pattern");
    ((ObjectNode) spec(t).get("retention")).put("traces", "0d");
    CRD.assertRejects(t, "self.spec.retention.traces: retention must be greater than zero");
  }

  @Test
  void rejectsQuotasOutOfRange() {
    ObjectNode t = tenant();
    ((ObjectNode) spec(t).get("quotas")).put("maxQuerySeconds", 0);
    CRD.assertRejects(t, "maxQuerySeconds");
    ((ObjectNode) spec(t).get("quotas")).put("maxQuerySeconds", 601);
    CRD.assertRejects(t, "maxQuerySeconds");
  }

  @Test
  void rejectsUnknownDeletionPolicyAndDatabaseName() {
    ObjectNode t = tenant();
    spec(t).put("deletionPolicy", "Purge");
    CRD.assertRejects(t, "deletionPolicy");
    spec(t).put("deletionPolicy", "Delete").put("database", "shop-db; DROP");
    CRD.assertRejects(t, "database");
  }

  @Test
  void serviceAccountViewersNeedANamespaceAndOthersMustNotHaveOne() {
    ObjectNode t = tenant();
    spec(t).putArray("viewers").addObject().put("kind", "ServiceAccount").put("name", "ci");
    CRD.assertRejects(t, "namespace is required for ServiceAccount");
    spec(t)
        .putArray("viewers")
        .addObject()
        .put("kind", "User")
        .put("name", "ann")
        .put("namespace", "x");
    CRD.assertRejects(t, "not allowed for User");
  }

  @Test
  void selectorOperatorsNeedMatchingValues() {
    ObjectNode t = tenant();
    spec(t)
        .putObject("namespaceSelector")
        .putArray("matchExpressions")
        .addObject()
        .put("key", "team")
        .put("operator", "In");
    CRD.assertRejects(t, "values must be non-empty");
  }

  @Test
  void rejectsUnknownFields() {
    ObjectNode t = tenant();
    spec(t).put("retentionDays", 7);
    CRD.assertRejects(t, "retentionDays");
  }

  @Test
  void databaseIsImmutable() {
    ObjectNode old = tenant();
    spec(old).put("database", "shop_data");
    ObjectNode changed = old.deepCopy();
    spec(changed).put("database", "shop_other");
    assertThat(CRD.validateUpdate(old, changed))
        .singleElement()
        .asString()
        .contains("database cannot be changed or removed once set");
    ObjectNode removed = old.deepCopy();
    spec(removed).remove("database");
    assertThat(CRD.validateUpdate(old, removed)).isNotEmpty();
    // Setting it later is allowed (e.g. a tenant whose name is too long for the default).
    assertThat(CRD.validateUpdate(tenant(), old)).isEmpty();
    ObjectNode same = old.deepCopy();
    spec(same).putArray("namespaces").add("shop-frontend");
    assertThat(CRD.validateUpdate(old, same)).isEmpty();
  }
}
