package io.kubetel.operator.tenant;

import static io.kubetel.operator.MockCluster.eventually;
import static io.kubetel.operator.tenant.TenantFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.kubetel.crds.common.Condition;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.operator.MockCluster;
import io.kubetel.operator.TestOperators;
import io.kubetel.operator.conditions.KStatusRules;
import io.kubetel.operator.conditions.KStatusRules.Status;
import io.kubetel.operator.events.EventRecorder;
import io.kubetel.operator.retry.ExponentialBackoff;
import io.kubetel.operator.tenant.identity.AccessControl;
import io.kubetel.operator.tenant.identity.ClickHouseAccessControl;
import io.kubetel.operator.tenant.identity.ClickHouseVersion;
import io.kubetel.operator.tenant.identity.KubernetesCredentialsSecrets;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's ClickHouse user without access management, as users of the tenant see it (mock API
 * server, real storage on the local ClickHouse): on the test engines, which cannot keep SQL users
 * (18.16; chDB, which answers code 497 but lists only read-only access storages), nothing is wrong
 * and the tenant is Ready. Where the server could keep users but refuses the operator (the access
 * control answering 497 with a writable storage, as a real 20.4+ server without the grant does — no
 * engine here can), the tenant gets {@code ClickHouseUserReady=False}/{@code
 * AccessManagementDenied}, {@code Ready=False}, a Warning Event and kstatus InProgress, and heals
 * without an edit once the grant exists.
 */
@EnableKubernetesMockClient(crud = true)
class TenantAccessManagementIT {
  static final String SECRETS = "kubetel-system";

  static KubernetesClient client;
  static ClickHouseGateway gateway;
  static String prefix;

  @BeforeAll
  static void clickHouse() {
    gateway = new ClickHouseGateway(ClickHouseSettings.of(LocalClickHouse.url(), "default"));
    prefix = MockCluster.uniqueName("kt_accessit_") + "_";
  }

  @AfterAll
  static void dropDatabases() {
    TenantFixtures.dropDatabasesStartingWith(gateway, prefix);
    gateway.close();
    MockCluster.closeBeforeServer(client);
  }

  /**
   * The production access control on the local engine; with {@link #denied} set, listing users is
   * refused with 497 on a server that reports a writable access storage, and statements are
   * recorded instead of run (no engine here can CREATE USER).
   */
  static final class GrantableAccess implements AccessControl {
    final ClickHouseAccessControl real = new ClickHouseAccessControl(gateway);
    final List<String> statements = new CopyOnWriteArrayList<>();
    volatile boolean denied = true;

    @Override
    public ClickHouseVersion version() {
      return ClickHouseVersion.parse("24.8.4.13");
    }

    @Override
    public boolean userExists(String user) {
      if (denied) {
        // What the store throws for "Code: 497 ... ACCESS_DENIED" on system.users.
        throw new StoreAccessDeniedException("ClickHouse refused the read (code 497)", false, null);
      }
      return false;
    }

    @Override
    public void executeSecret(String statement) {
      statements.add(statement);
    }

    @Override
    public Optional<Boolean> writableAccessStorage() {
      return Optional.of(true); // a server's local_directory
    }

    @Override
    public String operatorUser() {
      return real.operatorUser();
    }
  }

  static Operator start(AccessControl access) {
    MockCluster.installViewerRole(client);
    TenantStorage storage = TenantFixtures.clickHouseStorage(gateway);
    return TestOperators.start(
        client,
        new ExponentialBackoff(Duration.ofMillis(500), Duration.ofSeconds(1)),
        Metrics.NOOP,
        new TelemetryTenantReconciler(
            storage,
            new EventRecorder(client, Clock.systemUTC(), TenantFixtures.OPERATOR_NAMESPACE),
            Duration.ofHours(1),
            Clock.systemUTC(),
            DatabaseNames.of(storage.systemDatabase(), Optional.empty()),
            NamespaceSafety.KUBE_ONLY,
            Optional.of(access),
            Optional.of(new KubernetesCredentialsSecrets(client, SECRETS))));
  }

  static Condition condition(String tenant, String type) {
    return TenantFixtures.condition(client, tenant, type);
  }

  @Test
  void theTestEnginesCannotKeepSqlUsersSoNothingIsWrong() {
    // The production access control, as the operator runs it on this engine.
    ClickHouseAccessControl real = new ClickHouseAccessControl(gateway);
    if (real.version().hasSqlAccessControl()) {
      // chDB: 497 for system.users, and only read-only access storages (users_xml).
      assertThatThrownBy(() -> real.userExists("nobody"))
          .isInstanceOf(StoreAccessDeniedException.class);
      assertThat(real.writableAccessStorage()).contains(false);
    } else {
      assertThat(real.writableAccessStorage()).isEmpty(); // 18.16: no system.user_directories
    }

    MockCluster.namespace(client, "am-engine");
    Operator operator = start(real);
    try {
      client.resource(tenant("am-engine", prefix + "engine", List.of("am-engine"))).create();
      eventually(
          () -> assertThat(condition("am-engine", "Ready").getStatus().name()).isEqualTo("True"));
      assertThat(TenantFixtures.get(client, "am-engine").getStatus().getConditions())
          .noneMatch(c -> c.getType().equals("ClickHouseUserReady"));
      assertThat(TenantFixtures.get(client, "am-engine").getStatus().getClickhouse()).isNull();
      assertThat(client.secrets().inNamespace(SECRETS).withName("kubetel-tenant-am-engine").get())
          .isNull();
    } finally {
      operator.stop();
    }
  }

  @Test
  void aMissingGrantIsAVisibleConditionAndHealsOnceGranted() {
    MockCluster.namespace(client, "am-denied");
    GrantableAccess access = new GrantableAccess();
    Operator operator = start(access);
    try {
      client.resource(tenant("am-denied", prefix + "denied", List.of("am-denied"))).create();

      eventually(
          () ->
              assertThat(condition("am-denied", "ClickHouseUserReady").getReason())
                  .isEqualTo("AccessManagementDenied"));
      Condition user = condition("am-denied", "ClickHouseUserReady");
      assertThat(user.getStatus().name()).isEqualTo("False");
      assertThat(user.getMessage())
          .contains("may not manage users (code 497)", "GRANT ACCESS MANAGEMENT ON *.* TO")
          .contains("spec.clickhouse.credentialsSecret", "API server's own ClickHouse user");
      Condition ready = condition("am-denied", "Ready");
      assertThat(ready.getStatus().name()).isEqualTo("False");
      assertThat(ready.getReason()).isEqualTo("AccessManagementDenied");
      KStatusRules.Result kstatus = KStatusRules.compute(TenantFixtures.get(client, "am-denied"));
      assertThat(kstatus.status()).isEqualTo(Status.InProgress);
      assertThat(TenantFixtures.get(client, "am-denied").getStatus().getConditions())
          .noneMatch(c -> c.getType().equals("Stalled"));
      // The storage is provisioned all the same: the tenant's data is served meanwhile.
      assertThat(condition("am-denied", "StorageReady").getStatus().name()).isEqualTo("True");
      assertThat(TenantFixtures.awaitEvent(client, "am-denied", "AccessManagementDenied").getType())
          .isEqualTo("Warning");
      assertThat(access.statements).isEmpty();

      access.denied = false; // an administrator grants access management: no edit of the tenant

      eventually(
          () ->
              assertThat(condition("am-denied", "ClickHouseUserReady").getStatus().name())
                  .isEqualTo("True"));
      eventually(
          () ->
              assertThat(KStatusRules.compute(TenantFixtures.get(client, "am-denied")).status())
                  .isEqualTo(Status.Current));
      assertThat(condition("am-denied", "Ready").getStatus().name()).isEqualTo("True");
      Secret secret =
          client.secrets().inNamespace(SECRETS).withName("kubetel-tenant-am-denied").get();
      assertThat(secret).isNotNull();
      assertThat(secret.getType()).isEqualTo("kubernetes.io/basic-auth");
      assertThat(TenantFixtures.get(client, "am-denied").getStatus().getClickhouse().getUser())
          .isEqualTo(prefix + "denied_reader");
      assertThat(access.statements)
          .anySatisfy(s -> assertThat(s).startsWith("CREATE USER IF NOT EXISTS"))
          .anySatisfy(s -> assertThat(s).contains("max_concurrent_queries_for_user = 10 MAX 10"));
    } finally {
      operator.stop();
    }
  }
}
