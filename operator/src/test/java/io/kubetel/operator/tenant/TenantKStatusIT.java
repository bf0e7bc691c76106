package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.eventually;
import static io.kubetel.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.operator.CrudMockServer;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.conditions.KStatusRules;
import io.kubetel.operator.conditions.KStatusRules.Status;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TelemetryTenants as a GitOps tool sees them: the statuses the real reconciler writes (mock API
 * server, local ClickHouse) evaluated with kstatus's rules ({@link KStatusRules}). Provisioned is
 * Current; storage being retried or a spec change not yet acted on is InProgress; a spec error or a
 * namespace conflict is Failed until it is fixed.
 */
class TenantKStatusIT {

  static CrudMockServer cluster;
  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String prefix;

  @BeforeAll
  static void clickHouse() {
    cluster = CrudMockServer.start();
    client = cluster.client();
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_kstatusit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(gateway, prefix);
    gateway.close();
    cluster.close();
  }

  /** The production storage, or one whose every call fails while {@link #down} is set. */
  static final class FlakyStorage extends DelegatingStorage {
    final TenantStorage real = TenantFixtures.clickHouseStorage(gateway);
    volatile boolean down;

    @Override
    TenantStorage current() {
      if (down) {
        // What the real storage throws when ClickHouse is down.
        throw new StoreUnavailableException("ClickHouse is unreachable: connection refused", null);
      }
      return real;
    }
  }

  /** The production storage, whose every call waits until {@link #release} is counted down. */
  static final class HeldStorage extends DelegatingStorage {
    final TenantStorage real = TenantFixtures.clickHouseStorage(gateway);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    TenantStorage current() {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return real;
    }
  }

  /** The tenant operator, retrying failures every 500 ms to 1 s. */
  static Operator start(TenantStorage storage) {
    return TenantFixtures.startOperator(
        client, new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(1)), storage);
  }

  static KStatusRules.Result kstatus(String name) {
    return KStatusRules.compute(TenantFixtures.get(client, name));
  }

  /** Waits until tenant {@code name} reads as {@code status}; returns the verdict. */
  static KStatusRules.Result awaitKStatus(String name, Status status) {
    eventually(() -> assertThat(kstatus(name).status()).isEqualTo(status));
    return kstatus(name);
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  static List<String> conditionTypes(String tenant) {
    return TenantFixtures.get(client, tenant).getStatus().getConditions().stream()
        .map(Condition::getType)
        .toList();
  }

  @Test
  void aNewTenantIsInProgressWhileItsFirstReconcileIsStillAtWork() {
    MockCluster.namespace(client, "ks-fresh");
    HeldStorage storage = new HeldStorage();
    Operator operator = start(storage);
    try {
      client.resource(tenant("ks-fresh", prefix + "fresh", List.of("ks-fresh"))).create();
      // kstatus reads an object without status as Current: the first reconcile, still waiting
      // for ClickHouse, must have said it is at work before that.
      KStatusRules.Result r = awaitKStatus("ks-fresh", Status.InProgress);
      assertThat(r.message()).contains("first reconciliation");
      assertThat(condition("ks-fresh", "Reconciling").getReason()).isEqualTo("FirstReconcile");
      assertThat(conditionTypes("ks-fresh")).doesNotContain("Ready", "Stalled");

      storage.release.countDown();
      awaitKStatus("ks-fresh", Status.Current);
      assertThat(conditionTypes("ks-fresh")).doesNotContain("Reconciling", "Stalled");
    } finally {
      storage.release.countDown();
      operator.stop();
    }
  }

  @Test
  void storageBeingRetriedIsInProgressThenCurrent() {
    MockCluster.namespace(client, "ks-retry");
    FlakyStorage storage = new FlakyStorage();
    storage.down = true;
    Operator operator = start(storage);
    try {
      client.resource(tenant("ks-retry", prefix + "retry", List.of("ks-retry"))).create();
      // (InProgress from the start: FirstReconcile, then the failure being retried.)
      eventually(
          () ->
              assertThat(condition("ks-retry", "Reconciling").getReason())
                  .isEqualTo("StorageUnavailable"));
      KStatusRules.Result r = awaitKStatus("ks-retry", Status.InProgress);
      assertThat(r.message())
          .contains("ClickHouse cannot be reached", "attempt")
          .as("written for users: no exception text")
          .doesNotContain("connection refused");
      Condition reconciling = condition("ks-retry", "Reconciling");
      assertThat(reconciling.getReason()).isEqualTo("StorageUnavailable");
      assertThat(reconciling.getObservedGeneration())
          .isEqualTo(TenantFixtures.get(client, "ks-retry").getMetadata().getGeneration());
      assertThat(conditionTypes("ks-retry")).doesNotContain("Stalled");

      storage.down = false;
      awaitKStatus("ks-retry", Status.Current);
      assertThat(conditionTypes("ks-retry")).doesNotContain("Reconciling", "Stalled");
      assertThat(condition("ks-retry", "Ready").getStatus().name()).isEqualTo("True");
    } finally {
      operator.stop();
    }
  }

  @Test
  void aSpecChangeIsInProgressUntilTheOperatorHasActedOnIt() {
    MockCluster.namespace(client, "ks-edit");
    MockCluster.namespace(client, "ks-edit-2");
    Operator operator = start(new FlakyStorage());
    try {
      client.resource(tenant("ks-edit", prefix + "edit", List.of("ks-edit"))).create();
      awaitKStatus("ks-edit", Status.Current);
      // Current is reached once Ready is True; the status also records the generation it
      // reflects.
      eventually(
          () -> {
            TelemetryTenant t = TenantFixtures.get(client, "ks-edit");
            assertThat(t.getStatus().getObservedGeneration())
                .isEqualTo(t.getMetadata().getGeneration());
          });
    } finally {
      operator.stop();
    }

    // Edited while no operator runs (retried: a last status write may still land): the status
    // still describes the old generation.
    AtomicReference<TelemetryTenant> written = new AtomicReference<>();
    eventually(
        () ->
            written.set(
                client
                    .resources(TelemetryTenant.class)
                    .withName("ks-edit")
                    .edit(
                        t -> {
                          t.getSpec().setNamespaces(List.of("ks-edit", "ks-edit-2"));
                          return t;
                        })));
    TelemetryTenant edited = written.get();
    assertThat(edited.getMetadata().getGeneration())
        .isGreaterThan(edited.getStatus().getObservedGeneration());
    assertThat(KStatusRules.compute(edited).status()).isEqualTo(Status.InProgress);
    assertThat(KStatusRules.compute(edited).message()).contains("latest observed generation");

    operator = start(new FlakyStorage());
    try {
      awaitKStatus("ks-edit", Status.Current);
      TelemetryTenant now = TenantFixtures.get(client, "ks-edit");
      assertThat(now.getStatus().getObservedGeneration())
          .isEqualTo(now.getMetadata().getGeneration());
      assertThat(now.getStatus().getConditions())
          .allSatisfy(
              c ->
                  assertThat(c.getObservedGeneration())
                      .isEqualTo(now.getMetadata().getGeneration()));
      assertThat(now.getStatus().getResolvedNamespaces()).containsExactly("ks-edit", "ks-edit-2");
    } finally {
      operator.stop();
    }
  }

  @Test
  void aNamespaceConflictIsFailedUntilResolvedThenCurrent() {
    MockCluster.namespace(client, "ks-shared");
    MockCluster.namespace(client, "ks-own");
    Operator operator = start(new FlakyStorage());
    try {
      client.resource(tenant("ks-first", prefix + "first", List.of("ks-shared"))).create();
      awaitKStatus("ks-first", Status.Current);
      client
          .resource(tenant("ks-second", prefix + "second", List.of("ks-shared", "ks-own")))
          .create();
      KStatusRules.Result failed = awaitKStatus("ks-second", Status.Failed);
      assertThat(failed.message()).contains("ks-shared (owned by tenant ks-first)");
      assertThat(condition("ks-second", "Stalled").getReason()).isEqualTo("NamespaceConflict");
      assertThat(condition("ks-second", "Ready").getStatus().name()).isEqualTo("False");
      assertThat(conditionTypes("ks-second")).doesNotContain("Reconciling");
      assertThat(kstatus("ks-first").status())
          .as("%s", TenantFixtures.get(client, "ks-first").getStatus())
          .isEqualTo(Status.Current);

      client
          .resources(TelemetryTenant.class)
          .withName("ks-second")
          .edit(
              t -> {
                t.getSpec().setNamespaces(List.of("ks-own"));
                return t;
              });
      awaitKStatus("ks-second", Status.Current);
      assertThat(conditionTypes("ks-second")).doesNotContain("Stalled", "Reconciling");
    } finally {
      operator.stop();
    }
  }

  @Test
  void aSpecErrorIsFailedAndSaysWhatToChange() {
    Operator operator = start(new FlakyStorage());
    try {
      String name = "ks-reserved";
      client.resource(tenant(name, "system", List.of("ks-nowhere"))).create();
      KStatusRules.Result failed = awaitKStatus(name, Status.Failed);
      assertThat(failed.message()).contains("create the tenant again with another spec.database");
      assertThat(condition(name, "Stalled").getReason()).isEqualTo("DatabaseReserved");
      assertThat(conditionTypes(name)).doesNotContain("Reconciling");
    } finally {
      operator.stop();
    }
  }
}
