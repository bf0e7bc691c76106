package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.ownership.DatabaseOwnership;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tenants and the tenant operator as the tenant ITs set them up: a tenant whose viewers are the
 * group {@code <name>-devs}, the reconciler with hourly retention on a given storage (its Events in
 * {@link #OPERATOR_NAMESPACE}), and its conditions read back from the mock API server.
 */
final class TenantFixtures {

  /**
   * kubetel's own database in the tenant ITs: one per test JVM, so parallel runs on one ClickHouse
   * keep their ownership records apart.
   */
  static final String SYSTEM_DATABASE = MockCluster.uniqueName("kt_system_");

  /** The namespace the tenant operator runs in, as the tests start it: tenant Events go there. */
  static final String OPERATOR_NAMESPACE = "kubetel-system";

  private TenantFixtures() {}

  /** Drops {@link #SYSTEM_DATABASE} (a later test's storage creates it again). */
  static void dropSystemDatabase(ClickHouseGateway gateway) {
    gateway.execute("DROP DATABASE IF EXISTS " + SYSTEM_DATABASE);
  }

  /** A tenant of {@code namespaces} in {@code database}, viewed by group {@code <name>-devs}. */
  static TelemetryTenant tenant(String name, String database, List<String> namespaces) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    TelemetryTenantSpec spec = new TelemetryTenantSpec();
    spec.setNamespaces(namespaces);
    spec.setDatabase(database);
    spec.setViewers(List.of(new Subject(SubjectKind.Group, name + "-devs", null)));
    t.setSpec(spec);
    return t;
  }

  /**
   * The tenant operator on {@code storage} with the reconciler's own retry, started (as all the
   * starters here: after installing the viewer ClusterRole, as an install does).
   */
  static Operator startOperator(KubernetesClient client, TenantStorage storage) {
    return startOperator(client, null, storage);
  }

  /**
   * The tenant operator on {@code storage} retrying with {@code retry} (null: its own), started.
   */
  static Operator startOperator(KubernetesClient client, Retry retry, TenantStorage storage) {
    return startOperator(client, retry, Metrics.NOOP, storage);
  }

  /**
   * The tenant operator on {@code storage} retrying with {@code retry} (null: its own) and
   * reporting to {@code metrics}, started.
   */
  static Operator startOperator(
      KubernetesClient client, Retry retry, Metrics metrics, TenantStorage storage) {
    MockCluster.installViewerRole(client);
    return TestOperators.start(
        client,
        retry,
        metrics,
        new TelemetryTenantReconciler(
            storage,
            new EventRecorder(client, Clock.systemUTC(), OPERATOR_NAMESPACE),
            Duration.ofHours(1),
            Clock.systemUTC()));
  }

  /**
   * The production storage on {@code gateway}: schema manager, partition retention and ownership
   * records in {@link #SYSTEM_DATABASE}.
   */
  static TenantStorage clickHouseStorage(ClickHouseGateway gateway) {
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    return new ClickHouseTenantStorage(
        schema,
        new PartitionRetentionManager(gateway, schema.layout()),
        new DatabaseOwnership(gateway, SYSTEM_DATABASE, Clock.systemUTC()));
  }

  /**
   * Creates {@code database} with the exporter's tables and writes one log record at each of {@code
   * times} into it (namespace {@code collector-ns}): a database a collector fills, not the
   * operator.
   */
  static void collectorDatabase(ClickHouseGateway gateway, String database, Instant... times) {
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    schema.ensureSchema(database);
    TelemetryBatch batch = new TelemetryBatch();
    for (Instant t : times) {
      batch.logs.add(
          new TelemetryBatch.Log(
              Map.of("k8s.namespace.name", "collector-ns"),
              "svc",
              t,
              "",
              "",
              "INFO",
              9,
              "written by a collector",
              Map.of()));
    }
    try (ClickHouseGateway db =
        new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), database))) {
      new TelemetryWriter(db, schema.layout()).write(batch);
    }
  }

  /** Drops every database whose name starts with one of {@code prefixes}: what an IT created. */
  static void dropDatabasesStartingWith(ClickHouseGateway gateway, String... prefixes) {
    String matches =
        Stream.of(prefixes)
            .map(p -> "startsWith(name, " + SqlLiteral.string(p) + ")")
            .collect(Collectors.joining(" OR "));
    for (var row :
        gateway.select(
            "SELECT name FROM system.databases WHERE " + matches + " FORMAT JSONEachRow")) {
      gateway.execute("DROP DATABASE IF EXISTS " + row.get("name").asText());
    }
  }

  /** Whether {@code database} exists. */
  static boolean databaseExists(ClickHouseGateway gateway, String database) {
    return !gateway
        .select(
            "SELECT name FROM system.databases WHERE name = "
                + SqlLiteral.string(database)
                + " FORMAT JSONEachRow")
        .isEmpty();
  }

  /** Tenant {@code name} as the mock API server has it, or null. */
  static TelemetryTenant get(KubernetesClient client, String name) {
    return client.resources(TelemetryTenant.class).withName(name).get();
  }

  /** Condition {@code type} of tenant {@code name}; throws while the tenant or it is missing. */
  static Condition condition(KubernetesClient client, String name, String type) {
    return ConditionSet.find(get(client, name).getStatus().getConditions(), type).orElseThrow();
  }

  /**
   * Waits until the operator namespace holds an Event about tenant {@code name} with {@code reason}
   * and returns it (the first one).
   */
  static Event awaitEvent(KubernetesClient client, String name, String reason) {
    AtomicReference<Event> found = new AtomicReference<>();
    MockCluster.eventually(
        () ->
            found.set(
                client.v1().events().inNamespace(OPERATOR_NAMESPACE).list().getItems().stream()
                    .filter(e -> name.equals(e.getInvolvedObject().getName()))
                    .filter(e -> reason.equals(e.getReason()))
                    .findFirst()
                    .orElseThrow(
                        () -> new AssertionError("no " + reason + " Event about " + name))));
    return found.get();
  }
}
