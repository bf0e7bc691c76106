package io.kubetel.operator.tenant;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.Subject;
import io.kubetel.crds.tenant.SubjectKind;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TelemetryTenantSpec;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.ConditionSet;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.retention.PartitionRetentionManager;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Tenants and the tenant operator as the tenant ITs set them up: a tenant whose viewers are the
 * group {@code <name>-devs}, the reconciler with hourly retention on a given storage (its Events in
 * {@link #OPERATOR_NAMESPACE}), and its conditions read back from the mock API server.
 */
final class TenantFixtures {

  /** The namespace the tenant operator runs in, as the tests start it: tenant Events go there. */
  static final String OPERATOR_NAMESPACE = "kubetel-system";

  private TenantFixtures() {}

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

  /** The tenant operator on {@code storage} with the reconciler's own retry, started. */
  static Operator startOperator(KubernetesClient client, TenantStorage storage) {
    return startOperator(client, null, storage);
  }

  /**
   * The tenant operator on {@code storage} retrying with {@code retry} (null: its own), started.
   */
  static Operator startOperator(KubernetesClient client, Retry retry, TenantStorage storage) {
    return TestOperators.start(
        client,
        retry,
        new TelemetryTenantReconciler(
            storage,
            new EventRecorder(client, Clock.systemUTC(), OPERATOR_NAMESPACE),
            Duration.ofHours(1),
            Clock.systemUTC()));
  }

  /** The production storage on {@code gateway}: schema manager plus partition retention. */
  static TenantStorage clickHouseStorage(ClickHouseGateway gateway) {
    ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
    return new ClickHouseTenantStorage(
        schema, new PartitionRetentionManager(gateway, schema.layout()));
  }

  /** Tenant {@code name} as the mock API server has it, or null. */
  static TelemetryTenant get(KubernetesClient client, String name) {
    return client.resources(TelemetryTenant.class).withName(name).get();
  }

  /** Condition {@code type} of tenant {@code name}; throws while the tenant or it is missing. */
  static Condition condition(KubernetesClient client, String name, String type) {
    return ConditionSet.find(get(client, name).getStatus().getConditions(), type).orElseThrow();
  }
}
