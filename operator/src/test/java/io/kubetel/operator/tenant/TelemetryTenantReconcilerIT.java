package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.awaitCondition;
import static io.kubetel.operator.MockCluster.eventually;
import static io.kubetel.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.DeletionPolicy;
import io.kubetel.crds.tenant.NamespaceSelector;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant reconciler against the fabric8 mock API server (CRUD mode) and the real local
 * ClickHouse: provisioning, namespace resolution and conflicts, viewer RoleBindings, deletion
 * policies.
 */
@EnableKubernetesMockClient(crud = true)
class TelemetryTenantReconcilerIT {

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String prefix;

  Operator operator;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_tenantit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(gateway, prefix);
    TenantFixtures.dropSystemDatabase(gateway);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  @BeforeEach
  void startOperator() {
    operator = TenantFixtures.startOperator(client, TenantFixtures.clickHouseStorage(gateway));
  }

  @AfterEach
  void stopOperator() {
    operator.stop();
  }

  static void namespace(String name, Map<String, String> labels) {
    MockCluster.namespace(client, name, labels);
  }

  static TelemetryTenant get(String name) {
    return TenantFixtures.get(client, name);
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  static Set<String> tables(String database) {
    return gateway
        .select(
            "SELECT name FROM system.tables WHERE database = '" + database + "' FORMAT JSONEachRow")
        .stream()
        .map(r -> r.get("name").asText())
        .collect(Collectors.toSet());
  }

  static boolean databaseExists(String database) {
    return !gateway
        .select(
            "SELECT name FROM system.databases WHERE name = '" + database + "' FORMAT JSONEachRow")
        .isEmpty();
  }

  static Set<String> bindingNamespaces(String tenant) {
    return client
        .rbac()
        .roleBindings()
        .inAnyNamespace()
        .withLabel(ViewerBindings.TENANT_LABEL, tenant)
        .list()
        .getItems()
        .stream()
        .map(rb -> rb.getMetadata().getNamespace())
        .collect(Collectors.toSet());
  }

  @Test
  void createdTenantGetsItsDatabaseTablesViewerBindingsAndReady() {
    namespace("shop", Map.of());
    namespace("shop-frontend", Map.of());
    String db = prefix + "shop";
    client.resource(tenant("shop", db, List.of("shop", "shop-frontend"))).create();

    awaitCondition(() -> condition("shop", "Ready"), "True", null);
    TelemetryTenant t = get("shop");
    assertThat(t.getStatus().getResolvedNamespaces()).containsExactly("shop", "shop-frontend");
    assertThat(t.getStatus().getDatabase()).isEqualTo(db);
    assertThat(t.getStatus().getObservedGeneration())
        .isEqualTo(t.getMetadata().getGeneration() == null ? 0L : t.getMetadata().getGeneration());
    assertThat(t.getStatus().getLastRetentionRun()).isNotNull();
    assertThat(condition("shop", "StorageReady").getStatus().name()).isEqualTo("True");
    assertThat(condition("shop", "RetentionApplied").getStatus().name()).isEqualTo("True");
    assertThat(tables(db))
        .contains(
            "otel_metrics_gauge",
            "otel_metrics_sum",
            "otel_metrics_histogram",
            "otel_traces",
            "otel_logs");
    assertThat(t.getMetadata().getFinalizers()).isNotEmpty();

    assertThat(bindingNamespaces("shop")).containsExactlyInAnyOrder("shop-frontend", "shop");
    RoleBinding rb =
        client.rbac().roleBindings().inNamespace("shop").withName("kubetel-viewer-shop").get();
    assertThat(rb.getRoleRef().getName()).isEqualTo("kubetel-telemetry-viewer");
    assertThat(rb.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("Group");
              assertThat(s.getName()).isEqualTo("shop-devs");
            });
    assertThat(rb.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getName()).isEqualTo("shop"));
  }

  @Test
  void namespaceLabelChangesMoveTheResolvedNamespacesAndBindings() {
    namespace("lbl-a", Map.of("team", "blue"));
    namespace("lbl-b", Map.of("team", "green"));
    TelemetryTenant t = tenant("blue", prefix + "blue", List.of());
    NamespaceSelector sel = new NamespaceSelector();
    sel.setMatchLabels(Map.of("team", "blue"));
    t.getSpec().setNamespaceSelector(sel);
    client.resource(t).create();
    eventually(
        () -> assertThat(get("blue").getStatus().getResolvedNamespaces()).containsExactly("lbl-a"));
    assertThat(bindingNamespaces("blue")).containsExactly("lbl-a");

    namespace("lbl-b", Map.of("team", "blue"));
    eventually(
        () ->
            assertThat(get("blue").getStatus().getResolvedNamespaces())
                .containsExactly("lbl-a", "lbl-b"));
    eventually(
        Duration.ofSeconds(10),
        () -> assertThat(bindingNamespaces("blue")).containsExactlyInAnyOrder("lbl-a", "lbl-b"));

    namespace("lbl-a", Map.of("team", "green"));
    eventually(
        () -> assertThat(get("blue").getStatus().getResolvedNamespaces()).containsExactly("lbl-b"));
    eventually(
        Duration.ofSeconds(10),
        () -> assertThat(bindingNamespaces("blue")).containsExactly("lbl-b"));
  }

  @Test
  void theLaterTenantClaimingANamespaceGetsNamespaceConflictAndTheFirstIsUntouched() {
    namespace("shared-ns", Map.of());
    namespace("own-ns", Map.of());
    client.resource(tenant("first", prefix + "first", List.of("shared-ns"))).create();
    awaitCondition(() -> condition("first", "Ready"), "True", null);
    TelemetryTenant firstBefore = get("first");

    client.resource(tenant("second", prefix + "second", List.of("shared-ns", "own-ns"))).create();
    awaitCondition(
        () -> condition("second", "Ready"),
        "False",
        "NamespaceConflict",
        "shared-ns (owned by tenant first)");
    assertThat(get("second").getStatus().getResolvedNamespaces()).containsExactly("own-ns");
    // kubectl describe shows it: a Warning event on the tenant (cluster-scoped: in the operator's
    // namespace).
    assertThat(
            client.v1().events().inNamespace(TenantFixtures.OPERATOR_NAMESPACE).list().getItems())
        .anySatisfy(
            e -> {
              assertThat(e.getInvolvedObject().getName()).isEqualTo("second");
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("TelemetryTenant");
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("NamespaceConflict");
            });
    assertThat(bindingNamespaces("second")).containsExactly("own-ns");

    TelemetryTenant firstAfter = get("first");
    assertThat(firstAfter.getStatus().getResolvedNamespaces()).containsExactly("shared-ns");
    assertThat(firstAfter.getStatus().getConditions().toString())
        .isEqualTo(firstBefore.getStatus().getConditions().toString());
    assertThat(firstAfter.getMetadata().getResourceVersion())
        .isEqualTo(firstBefore.getMetadata().getResourceVersion());
    assertThat(bindingNamespaces("first")).containsExactly("shared-ns");
  }

  @Test
  void deletionRetainKeepsTheDatabaseAndDeleteDropsIt() {
    namespace("keep-ns", Map.of());
    namespace("drop-ns", Map.of());
    String keepDb = prefix + "keep";
    String dropDb = prefix + "drop";
    client.resource(tenant("keep", keepDb, List.of("keep-ns"))).create();
    TelemetryTenant drop = tenant("drop", dropDb, List.of("drop-ns"));
    drop.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(drop).create();
    eventually(
        () -> {
          assertThat(condition("keep", "StorageReady").getStatus().name()).isEqualTo("True");
          assertThat(condition("drop", "StorageReady").getStatus().name()).isEqualTo("True");
        });
    assertThat(databaseExists(keepDb)).isTrue();
    assertThat(databaseExists(dropDb)).isTrue();

    client.resources(TelemetryTenant.class).withName("keep").delete();
    client.resources(TelemetryTenant.class).withName("drop").delete();
    eventually(
        () -> {
          assertThat(get("keep")).isNull();
          assertThat(get("drop")).isNull();
        });
    assertThat(databaseExists(keepDb)).as("Retain keeps the data").isTrue();
    assertThat(tables(keepDb)).contains("otel_traces");
    assertThat(databaseExists(dropDb)).as("Delete drops the database").isFalse();
    assertThat(bindingNamespaces("keep")).isEmpty();
    assertThat(bindingNamespaces("drop")).isEmpty();
  }

  @Test
  void retentionRemovesExpiredDaysAndKeepsRecentOnes() {
    namespace("ret-ns", Map.of());
    String db = prefix + "ret";
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    schema.ensureSchema(db);
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(10));
    Instant recent = now.minus(Duration.ofHours(1));
    TelemetryBatch batch = new TelemetryBatch();
    Map<String, String> resource = Map.of("k8s.namespace.name", "ret-ns");
    for (Instant t : List.of(old, recent)) {
      batch.logs.add(
          new TelemetryBatch.Log(resource, "svc", t, "", "", "INFO", 9, "hello", Map.of()));
      batch.spans.add(
          new TelemetryBatch.Span(
              resource,
              "svc",
              "0af7651916cd43dd8448eb211c80319c",
              "b7ad6b7169203331",
              "",
              "op",
              "Server",
              t,
              1_000_000L,
              "Ok",
              "",
              Map.of(),
              List.of()));
      batch.gauges.add(
          new TelemetryBatch.Gauge(resource, "svc", "queue.depth", "1", "d", Map.of(), t, 3.0));
    }
    try (ClickHouseGateway tenantDb =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), db))) {
      new TelemetryWriter(tenantDb, schema.layout()).write(batch);
    }
    assertThat(TenantTables.rows(gateway, db, "otel_logs")).isEqualTo(2);
    assertThat(TenantTables.partitions(gateway, db, "otel_logs")).hasSize(2);

    TelemetryTenant t = tenant("ret", db, List.of("ret-ns"));
    t.getSpec().setAdoptExistingDatabase(true); // a collector wrote it
    t.getSpec().getRetention().setLogs("3d");
    t.getSpec().getRetention().setTraces("3d");
    t.getSpec().getRetention().setMetrics("30d");
    client.resource(t).create();
    awaitCondition(() -> condition("ret", "RetentionApplied"), "True", null);

    if (schema.layout() == SchemaLayout.MODERN) {
      // MODERN retention is a table TTL, which ClickHouse enforces when it merges parts (the
      // tables drop only whole parts, ttl_only_drop_parts = 1); COMPAT dropped the partitions.
      for (String table : List.of("otel_logs", "otel_traces")) {
        assertThat(TenantTables.createStatement(gateway, db, table))
            .contains("TTL toDateTime(Timestamp)");
        gateway.execute("OPTIMIZE TABLE " + db + "." + table + " FINAL");
      }
      assertThat(TenantTables.createStatement(gateway, db, "otel_metrics_gauge"))
          .contains("toIntervalSecond(2592000)");
    }
    // Logs and traces: the 10-day-old partition is gone, the recent row is still there.
    assertThat(TenantTables.rows(gateway, db, "otel_logs")).isEqualTo(1);
    assertThat(TenantTables.rows(gateway, db, "otel_traces")).isEqualTo(1);
    assertThat(TenantTables.partitions(gateway, db, "otel_logs")).hasSize(1);
    // Metrics keep 30 days: both points remain.
    assertThat(TenantTables.rows(gateway, db, "otel_metrics_gauge")).isEqualTo(2);
    assertThat(get("ret").getStatus().getLastRetentionRun()).isNotNull();
    assertThat(condition("ret", "Ready").getStatus().name()).isEqualTo("True");
  }

  @Test
  void aLongNameGetsAValidDerivedDatabaseDroppedWithItsTenant() {
    String name = "team-" + "x".repeat(58);
    namespace("long-ns", Map.of());
    TelemetryTenant t = tenant(name, null, List.of("long-ns"));
    t.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
    client.resource(t).create();
    awaitCondition(() -> condition(name, "Ready"), "True", null);
    String db = get(name).getStatus().getDatabase();
    assertThat(db).isEqualTo(DatabaseNames.derive(name)).hasSizeLessThanOrEqualTo(63);
    assertThat(databaseExists(db)).isTrue();

    client.resources(TelemetryTenant.class).withName(name).delete();
    eventually(() -> assertThat(get(name)).isNull());
    assertThat(databaseExists(db)).isFalse();
  }

  @Test
  void movingATenantToAnotherDatabaseIsRefused() {
    namespace("move-ns", Map.of());
    String db = prefix + "move";
    client.resource(tenant("move", db, List.of("move-ns"))).create();
    awaitCondition(() -> condition("move", "Ready"), "True", null);

    // kube-apiserver's CEL rule forbids this edit; the mock server does not, the operator must.
    client
        .resources(TelemetryTenant.class)
        .withName("move")
        .edit(
            t -> {
              t.getSpec().setDatabase(prefix + "elsewhere");
              return t;
            });
    awaitCondition(
        () -> condition("move", "Ready"), null, "DatabaseChangeRefused", db, prefix + "elsewhere");
    assertThat(get("move").getStatus().getDatabase()).isEqualTo(db);
    assertThat(databaseExists(prefix + "elsewhere")).isFalse();
    assertThat(databaseExists(db)).isTrue();
  }
}
