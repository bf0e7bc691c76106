package io.kubetel.crds;

import static io.kubetel.crds.CrdSchema.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
    CRD.assertRejects(t, "self.spec.retention.traces: retention must be at least 1h");
  }

  @Test
  void retentionIsAtLeastOneHourPerSignal() {
    for (String signal : List.of("metrics", "traces", "logs")) {
      for (String tooShort : List.of("1ms", "59m", "3599s", "3599999ms", "59m59s999ms", "0h0d")) {
        ObjectNode t = tenant();
        ((ObjectNode) spec(t).get("retention")).put(signal, tooShort);
        CRD.assertRejects(t, "self.spec.retention." + signal + ": retention must be at least 1h");
      }
      for (String enough :
          List.of("1h", "60m", "3600s", "3600000ms", "59m60s", "90m", "1d", "2w")) {
        ObjectNode t = tenant();
        ((ObjectNode) spec(t).get("retention")).put(signal, enough);
        assertThat(CRD.validate(t)).as(signal + " " + enough).isEmpty();
      }
    }
    // The rule as the CRD states it (kube-apiserver evaluates exactly this text).
    assertThat(
            CRD.openApiSchema()
                .at(
                    "/properties/spec/properties/retention/properties/logs/x-kubernetes-validations")
                .toString())
        .contains("duration(self) >= duration('1h')", "retention must be at least 1h");
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
        .contains("database cannot be added, changed or removed");
    ObjectNode removed = old.deepCopy();
    spec(removed).remove("database");
    assertThat(CRD.validateUpdate(old, removed)).isNotEmpty();
    // Adding one to a tenant created without (it got a derived database) would move it too.
    assertThat(CRD.validateUpdate(tenant(), old))
        .singleElement()
        .asString()
        .contains("self.spec.database: database cannot be added, changed or removed");
    ObjectNode same = old.deepCopy();
    spec(same).putArray("namespaces").add("shop-frontend");
    assertThat(CRD.validateUpdate(old, same)).isEmpty();
    assertThat(CRD.validateUpdate(tenant(), tenant())).isEmpty();
  }

  @Test
  void systemDatabasesAreRefusedAndSharedOnesOnlyAdopted() {
    for (String db : List.of("system", "information_schema", "kubetel_system")) {
      ObjectNode t = tenant();
      spec(t).put("database", db).put("adoptExistingDatabase", true);
      CRD.assertRejects(t, "belong to ClickHouse and kubetel");
    }
    for (String db : List.of("default", "otel")) {
      ObjectNode t = tenant();
      spec(t).put("database", db);
      CRD.assertRejects(t, "self.spec.database: database default and otel are shared");
      spec(t).put("adoptExistingDatabase", true);
      assertThat(CRD.validate(t)).isEmpty();
    }
    // The pattern already refuses upper case (INFORMATION_SCHEMA).
    ObjectNode upper = tenant();
    spec(upper).put("database", "INFORMATION_SCHEMA");
    CRD.assertRejects(upper, "/spec/database", "pattern");
  }

  @Test
  void adoptionNamesTheDatabase() {
    ObjectNode t = tenant();
    spec(t).put("adoptExistingDatabase", true);
    CRD.assertRejects(t, "self.spec.adoptExistingDatabase: adoptExistingDatabase needs database");
    spec(t).put("database", "collector_db");
    assertThat(CRD.validate(t)).isEmpty();
    // Adoption may be turned on later (the database is then never dropped) and off again.
    ObjectNode owned = tenant();
    spec(owned).put("database", "collector_db");
    assertThat(CRD.validateUpdate(owned, t)).isEmpty();
    assertThat(CRD.validateUpdate(t, owned)).isEmpty();
  }
}
