package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.Quotas;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TenantClickHouse;
import io.kubetel.crds.tenant.TenantClickHouseStatus;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.operator.tenant.identity.AccessControl;
import io.kubetel.operator.tenant.identity.ClickHouseVersion;
import io.kubetel.operator.tenant.identity.CredentialsSecrets;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tenant's ClickHouse identity step with a fake executor and fake Secrets (no engine we test on
 * can run CREATE USER: 18.16 has no SQL users, chDB keeps users in users.xml only): provisioned
 * once on 20.4+, nothing on 18.16 nor without writable access storage, {@code
 * AccessManagementDenied} (retried, healed by a later grant) where the operator's user lacks access
 * management, never an administrator's user or Secret taken over, the password only in the Secret
 * (never in status or conditions), and the user dropped with the tenant only when the operator
 * created it.
 */
class TenantIdentityTest {
  static final String DB = "kubetel_shop_1a2b3c4d";
  static final String USER = DB + "_reader";

  /** Records every statement; answers version and user existence from fields. */
  static final class FakeAccess implements AccessControl {
    String version = "24.8.4.13";
    final Set<String> users = new HashSet<>();
    final List<String> statements = new ArrayList<>();
    RuntimeException failure;
    RuntimeException usersFailure;

    /** What system.user_directories says: a real 20.4+ server has a local_directory. */
    Optional<Boolean> writable = Optional.of(true);

    @Override
    public ClickHouseVersion version() {
      return ClickHouseVersion.parse(version);
    }

    @Override
    public boolean userExists(String user) {
      if (usersFailure != null) {
        throw usersFailure;
      }
      return users.contains(user);
    }

    @Override
    public void executeSecret(String statement) {
      if (failure != null) {
        throw failure;
      }
      statements.add(statement);
    }

    @Override
    public Optional<Boolean> writableAccessStorage() {
      return writable;
    }

    @Override
    public String operatorUser() {
      return "kubetel_operator";
    }
  }

  /** Secrets in a map; {@code owner} tells which tenant's (null: someone else's). */
  static final class FakeSecrets implements CredentialsSecrets {
    record Stored(String username, String password, String owner, String uid) {}

    final Map<String, Stored> secrets = new HashMap<>();

    @Override
    public String namespace() {
      return "kubetel-system";
    }

    @Override
    public Optional<Credentials> read(String name, String tenant) {
      return Optional.ofNullable(secrets.get(name))
          .map(s -> new Credentials(s.username(), s.password(), tenant.equals(s.owner())));
    }

    @Override
    public void create(String name, String tenant, String uid, String username, String password) {
      assertThat(secrets).doesNotContainKey(name);
      secrets.put(name, new Stored(username, password, tenant, uid));
    }

    @Override
    public void deleteIfOurs(String name, String tenant) {
      Stored s = secrets.get(name);
      if (s != null && tenant.equals(s.owner())) {
        secrets.remove(name);
      }
    }
  }

  final FakeAccess access = new FakeAccess();
  final FakeSecrets secrets = new FakeSecrets();
  final TenantIdentity identity = new TenantIdentity(access, secrets);

  static TelemetryTenant tenant() {
    TelemetryTenant t = TenantStepsTest.tenant("shop", DB);
    Quotas q = new Quotas();
    q.setMaxQuerySeconds(5);
    q.setMaxConcurrentQueries(4);
    t.getSpec().setQuotas(q);
    return t;
  }

  /** One reconciliation's identity step; the tenant then carries the resulting status. */
  boolean step(TelemetryTenant t) {
    TenantStatusDraft status = TenantStatusDraft.start(t, TenantStepsTest.CLOCK);
    status.database(DB, false);
    boolean ok = identity.provision(t, DB, status, TenantStepsTest.RETRY);
    t.setStatus(status.build());
    return ok;
  }

  static Optional<Condition> userReady(TelemetryTenant t) {
    return t.getStatus().getConditions().stream()
        .filter(c -> c.getType().equals("ClickHouseUserReady"))
        .findFirst();
  }

  @Test
  void onSqlAccessControlTheSecretComesFirstThenTheUserAndTheStatusNamesBoth() {
    TelemetryTenant t = tenant();

    assertThat(step(t)).isTrue();

    FakeSecrets.Stored secret = secrets.secrets.get("kubetel-tenant-shop");
    assertThat(secret.username()).isEqualTo(USER);
    assertThat(secret.password()).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
    assertThat(secret.uid()).isEqualTo("uid-shop");
    assertThat(access.statements).hasSize(6);
    assertThat(access.statements.get(0))
        .startsWith("CREATE SETTINGS PROFILE IF NOT EXISTS `" + DB + "_profile`")
        .contains("max_execution_time = 5 MAX 5")
        .contains("max_concurrent_queries_for_user = 4 MAX 4");
    assertThat(access.statements.get(2))
        .startsWith("CREATE USER IF NOT EXISTS `" + USER + "`")
        .contains("'" + secret.password() + "'");
    assertThat(access.statements.get(5))
        .isEqualTo("GRANT SELECT ON " + DB + ".* TO `" + USER + "`");
    TenantClickHouseStatus recorded = t.getStatus().getClickhouse();
    assertThat(recorded.getCredentialsSecret()).isEqualTo("kubetel-tenant-shop");
    assertThat(recorded.getUser()).isEqualTo(USER);
    Condition ready = userReady(t).orElseThrow();
    assertThat(ready.getStatus().name()).isEqualTo("True");
    assertThat(ready.getMessage())
        .contains(USER, DB, "kubetel-system/kubetel-tenant-shop")
        .doesNotContain(secret.password());
    assertThat(t.getStatus().toString() + recorded.getCredentialsSecret() + recorded.getUser())
        .doesNotContain(secret.password());
  }

  @Test
  void aSettledIdentityCostsNoStatementAndAQuotaChangeReusesThePassword() {
    TelemetryTenant t = tenant();
    step(t);
    String password = secrets.secrets.get("kubetel-tenant-shop").password();
    access.statements.clear();

    step(t);
    assertThat(access.statements).isEmpty();

    // A spec edit that changes neither database nor quotas (here: retention) costs no statement.
    t.getMetadata().setGeneration(3L);
    t.getSpec().getRetention().setLogs("30d");
    step(t);
    assertThat(access.statements).isEmpty();
    assertThat(userReady(t).orElseThrow().getObservedGeneration()).isEqualTo(3L);

    t.getMetadata().setGeneration(4L);
    t.getSpec().getQuotas().setMaxQuerySeconds(9);
    step(t);
    assertThat(access.statements).hasSize(6);
    assertThat(access.statements.get(1)).startsWith("ALTER SETTINGS PROFILE").contains("= 9 MAX 9");
    assertThat(access.statements.get(3)).contains("'" + password + "'");
    assertThat(secrets.secrets.get("kubetel-tenant-shop").password()).isEqualTo(password);
  }

  @Test
  void aRestartedOperatorFindsItsSecretAndRecognisesItsUser() {
    TelemetryTenant t = tenant();
    step(t);
    String password = secrets.secrets.get("kubetel-tenant-shop").password();
    // Crashed after CREATE USER, before the status was written: the user exists, status has none.
    access.users.add(USER);
    t.getStatus().setClickhouse(null);
    TenantIdentity restarted = new TenantIdentity(access, secrets);
    access.statements.clear();

    TenantStatusDraft status = TenantStatusDraft.start(t, TenantStepsTest.CLOCK);
    assertThat(restarted.provision(t, DB, status, TenantStepsTest.RETRY)).isTrue();
    assertThat(access.statements.get(2)).contains("'" + password + "'");
  }

  @Test
  void onClickHouse1816NothingHappensAndNothingIsWrong() {
    access.version = "18.16.1";
    TelemetryTenant t = tenant();

    assertThat(step(t)).isTrue();

    assertThat(access.statements).isEmpty();
    assertThat(secrets.secrets).isEmpty();
    assertThat(t.getStatus().getClickhouse()).isNull();
    assertThat(userReady(t)).isEmpty();
  }

  @Test
  void aTenantNamingItsSecretGetsNoUserAndAnEarlierOneIsDropped() {
    TelemetryTenant t = tenant();
    step(t);
    access.statements.clear();
    TenantClickHouse ch = new TenantClickHouse();
    ch.setCredentialsSecret("shop-admin-user");
    t.getSpec().setClickhouse(ch);

    assertThat(step(t)).isTrue();

    assertThat(access.statements)
        .containsExactly(
            "DROP USER IF EXISTS `" + USER + "`",
            "DROP SETTINGS PROFILE IF EXISTS `" + DB + "_profile`");
    assertThat(secrets.secrets).isEmpty();
    assertThat(t.getStatus().getClickhouse()).isNull();
    assertThat(userReady(t)).isEmpty();
  }

  @Test
  void anAdministratorsUserOrSecretOfThatNameIsNeverTakenOver() {
    access.users.add(USER);
    TelemetryTenant t = tenant();

    assertThat(step(t)).isFalse();
    assertThat(access.statements).isEmpty();
    assertThat(secrets.secrets).isEmpty();
    Condition c = userReady(t).orElseThrow();
    assertThat(c.getStatus().name()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("UserProvisioningFailed");
    assertThat(c.getMessage()).contains("ClickHouse user " + USER + " exists and was not created");

    access.users.clear();
    secrets.secrets.put(
        "kubetel-tenant-shop", new FakeSecrets.Stored("someone", "0123456789abcdef", null, null));
    assertThat(step(t)).isFalse();
    assertThat(access.statements).isEmpty();
    assertThat(userReady(t).orElseThrow().getMessage())
        .contains("Secret kubetel-system/kubetel-tenant-shop exists and is not the operator's");
    assertThat(secrets.secrets.get("kubetel-tenant-shop").username()).isEqualTo("someone");
  }

  @Test
  void withoutWritableAccessStorageItIsAsOn1816AndItsSecretGoes() {
    access.failure = new ClickHouseQueryException(514, "execute", new IllegalStateException("x"));
    TelemetryTenant t = tenant();

    assertThat(step(t)).isTrue();
    assertThat(secrets.secrets).isEmpty();
    assertThat(t.getStatus().getClickhouse()).isNull();
    assertThat(userReady(t)).isEmpty();

    access.failure = null;
    assertThat(step(t)).isTrue(); // remembered: not tried again
    assertThat(access.statements).isEmpty();
  }

  @Test
  void anEngineWhoseAccessStoragesAreAllReadOnlyAnswering497IsAsOn1816() {
    // chDB: its one user may not read system.users, and user_directories lists users_xml only.
    access.usersFailure =
        new StoreAccessDeniedException("ClickHouse refused the read", false, null);
    access.writable = Optional.of(false);
    TelemetryTenant t = tenant();

    assertThat(step(t)).isTrue();
    assertThat(step(t)).isTrue();
    assertThat(access.statements).isEmpty();
    assertThat(secrets.secrets).isEmpty();
    assertThat(userReady(t)).isEmpty();
  }

  @Test
  void anOperatorUserWithoutAccessManagementIsAVisibleConditionUntilGranted() {
    access.usersFailure =
        new StoreAccessDeniedException("ClickHouse refused the read", false, null);
    TelemetryTenant t = tenant();

    assertThat(step(t)).isFalse();

    Condition c = userReady(t).orElseThrow();
    assertThat(c.getStatus().name()).isEqualTo("False");
    assertThat(c.getReason()).isEqualTo("AccessManagementDenied");
    assertThat(c.getMessage())
        .contains("the operator's ClickHouse user kubetel_operator may not manage users (code 497)")
        .contains("GRANT ACCESS MANAGEMENT ON *.* TO kubetel_operator")
        .contains("<access_management>1</access_management>")
        .contains("spec.clickhouse.credentialsSecret")
        .contains("read with the API server's own ClickHouse user")
        .contains("retrying in 10s");
    assertThat(secrets.secrets).isEmpty();
    assertThat(access.statements).isEmpty();

    // Not remembered: the next attempt asks again, and a grant given meanwhile heals the tenant.
    access.usersFailure = null;
    assertThat(step(t)).isTrue();
    assertThat(userReady(t).orElseThrow().getStatus().name()).isEqualTo("True");
    assertThat(access.statements).hasSize(6);
    assertThat(t.getStatus().getClickhouse().getUser()).isEqualTo(USER);
  }

  @Test
  void aServerThatDoesNotSayWhetherItCanKeepUsersCountsAsDenied() {
    // Before system.user_directories existed: a real server, whose default config keeps users.
    access.usersFailure =
        new StoreAccessDeniedException("ClickHouse refused the read", false, null);
    access.writable = Optional.empty();
    TelemetryTenant t = tenant();

    assertThat(step(t)).isFalse();
    assertThat(userReady(t).orElseThrow().getReason()).isEqualTo("AccessManagementDenied");
  }

  @Test
  void aRefusedCreateUserIsAccessManagementDeniedWithItsCodeNeverItsText() {
    // May list users, may not create them: the Secret made for it goes again.
    access.failure = new ClickHouseQueryException(497, "execute", new IllegalStateException("x"));
    TelemetryTenant t = tenant();

    assertThat(step(t)).isFalse();

    Condition c = userReady(t).orElseThrow();
    assertThat(c.getReason()).isEqualTo("AccessManagementDenied");
    assertThat(c.getMessage())
        .contains("(code 497)")
        .contains("retrying in 10s")
        .doesNotContain("IDENTIFIED");
    assertThat(secrets.secrets).isEmpty();
    assertThat(t.getStatus().getClickhouse()).isNull();
  }

  @Test
  void aGrantRevokedAfterProvisioningKeepsTheUserAndSaysSo() {
    TelemetryTenant t = tenant();
    step(t);
    access.failure = new ClickHouseQueryException(497, "execute", new IllegalStateException("x"));
    t.getMetadata().setGeneration(5L);
    t.getSpec().getQuotas().setMaxQuerySeconds(9); // a change that needs statements

    assertThat(step(t)).isFalse();

    assertThat(userReady(t).orElseThrow().getMessage())
        .contains("keeps reading as its user " + USER + " provisioned earlier");
    assertThat(t.getStatus().getClickhouse().getUser()).isEqualTo(USER);
    assertThat(secrets.secrets).containsKey("kubetel-tenant-shop");
  }

  @Test
  void anotherRefusedStatementIsReportedWithItsCodeNeverItsText() {
    access.failure = new ClickHouseQueryException(62, "execute", new IllegalStateException("x"));
    TelemetryTenant t = tenant();

    assertThat(step(t)).isFalse();

    Condition c = userReady(t).orElseThrow();
    assertThat(c.getReason()).isEqualTo("UserProvisioningFailed");
    assertThat(c.getMessage())
        .contains("ClickHouse refused the statement (error 62)")
        .doesNotContain("IDENTIFIED")
        .doesNotContain(secrets.secrets.get("kubetel-tenant-shop").password());
  }

  @Test
  void deletionDropsOnlyAUserTheOperatorRecorded() {
    TelemetryTenant t = tenant();
    identity.remove(t); // never provisioned: nothing
    assertThat(access.statements).isEmpty();

    step(t);
    access.statements.clear();
    identity.remove(t);

    assertThat(access.statements)
        .containsExactly(
            "DROP USER IF EXISTS `" + USER + "`",
            "DROP SETTINGS PROFILE IF EXISTS `" + DB + "_profile`");
    assertThat(secrets.secrets).isEmpty();
  }

  @Test
  void longTenantNamesGetAShortenedSecretName() {
    String name = "t".repeat(250);
    assertThat(TenantIdentity.secretName(name)).hasSize(253).startsWith("kubetel-tenant-ttt");
    assertThat(TenantIdentity.secretName(name)).isNotEqualTo(TenantIdentity.secretName(name + "u"));
  }
}
