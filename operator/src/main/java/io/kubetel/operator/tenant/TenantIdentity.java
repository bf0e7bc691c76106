package io.kubetel.operator.tenant;

import io.kubetel.crds.common.Condition;
import io.kubetel.crds.tenant.Quotas;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.crds.tenant.TenantClickHouseStatus;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.operator.conditions.ConditionTypes;
import io.kubetel.operator.conditions.ErrorText;
import io.kubetel.operator.conditions.FailureText;
import io.kubetel.operator.retry.NextRetry;
import io.kubetel.operator.tenant.identity.AccessControl;
import io.kubetel.operator.tenant.identity.ClickHouseVersion;
import io.kubetel.operator.tenant.identity.CredentialsSecrets;
import io.kubetel.operator.tenant.identity.CredentialsSecrets.Credentials;
import io.kubetel.operator.tenant.identity.TenantUserStatements;
import io.kubetel.operator.tenant.identity.TenantUserStatements.ProfileQuotas;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import io.kubetel.store.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant's own ClickHouse identity (issue 9), a step after storage: on a server with SQL access
 * control (20.4+) and a tenant that names no {@code spec.clickhouse.credentialsSecret}, the
 * operator generates a password, keeps it in a Secret of the tenant credentials namespace (the one
 * the API server reads), runs {@link TenantUserStatements} (user, settings profile with the quotas,
 * SELECT on the tenant's database only) and records Secret and user in {@code status.clickhouse},
 * where the API server finds the Secret. On older servers and on servers without writable access
 * storage (code 514, or 497 where {@code system.user_directories} lists only read-only storages, as
 * on chDB) it does nothing and reports nothing wrong beyond one log line (administrators declare
 * users in users.xml and name their Secret in the spec). Where the operator's own user lacks access
 * management (497 on a server that could keep the user) the tenant gets {@code
 * ClickHouseUserReady=False}, reason {@code AccessManagementDenied}, and is retried. The tenant's
 * deletion drops the user only when the operator created it.
 *
 * <p>The Secret is created before the user, so a crash in between never loses the password; its
 * labels then prove the user is the operator's. A user of that name that exists without the
 * operator's Secret is an administrator's and is never taken over. Passwords never reach a log, an
 * exception message or the status.
 */
final class TenantIdentity {
  private static final Logger log = LoggerFactory.getLogger(TenantIdentity.class);
  private static final String SECRET_PREFIX = "kubetel-tenant-";
  private static final int MAX_NAME = 253;

  private final AccessControl access;
  private final CredentialsSecrets secrets;
  private final SecureRandom random = new SecureRandom();

  /**
   * ClickHouse's "no storage to insert the user into" (ACCESS_STORAGE_FOR_INSERTION_NOT_FOUND): a
   * 20.4+ server without writable access storage, e.g. the chDB engine of the tests.
   */
  static final int NO_WRITABLE_ACCESS_STORAGE = 514;

  /** ClickHouse's ACCESS_DENIED: here, the operator's user may not see or manage users. */
  static final int ACCESS_DENIED = 497;

  /** The reason of {@code ClickHouseUserReady=False} when the operator lacks access management. */
  static final String ACCESS_MANAGEMENT_DENIED = "AccessManagementDenied";

  /** Whether the server keeps SQL users; null until asked. */
  private volatile Boolean sqlUsers;

  /** Identities this process provisioned, by tenant uid, database and quotas. */
  private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

  TenantIdentity(AccessControl access, CredentialsSecrets secrets) {
    this.access = access;
    this.secrets = secrets;
  }

  /**
   * Provisions (or confirms) the tenant's user for {@code database}, recording the outcome on
   * {@code status}: {@code status.clickhouse} and the {@code ClickHouseUserReady} condition.
   *
   * @return false when it failed (the condition says why; the reconciliation is retried)
   */
  boolean provision(
      TelemetryTenant tenant, String database, TenantStatusDraft status, NextRetry retry) {
    String name = tenant.getMetadata().getName();
    TenantClickHouseStatus recorded = status.before().getClickhouse();
    try {
      if (declaredByAdministrator(tenant)) {
        // The spec's Secret wins; a user the operator made earlier goes.
        if (recorded != null && recorded.getUser() != null) {
          drop(name, database, recorded);
        }
        status.clickhouse(null);
        status.conditions().remove(ConditionTypes.CLICKHOUSE_USER_READY);
        return true;
      }
      if (!sqlUsers()) {
        status.conditions().remove(ConditionTypes.CLICKHOUSE_USER_READY);
        return true; // 18.16 or no writable access storage: users.xml only; nothing wrong
      }
      ProfileQuotas quotas = quotas(tenant); // a bad quota fails before anything is created
      // Only the database and the quotas go into the statements: other spec edits cost nothing.
      String key = tenant.getMetadata().getUid() + "/" + database + "/" + quotas;
      if (confirmed.contains(key)
          && recorded != null
          && recorded.getUser() != null
          && status.conditions().isTrue(ConditionTypes.CLICKHOUSE_USER_READY)) {
        // Nothing the statements depend on changed since this process ran them: the condition
        // only moves to the current generation.
        Condition ready = status.conditions().get(ConditionTypes.CLICKHOUSE_USER_READY).get();
        status
            .conditions()
            .set(ConditionTypes.CLICKHOUSE_USER_READY, true, ready.getReason(), ready.getMessage());
        return true;
      }
      String secretName = secretName(name);
      String user = TenantUserStatements.userOf(database);
      Optional<Credentials> existing = secrets.read(secretName, name);
      if (existing.isPresent() && !existing.get().ownedBy()) {
        return failed(
            tenant,
            status,
            "Secret "
                + secrets.namespace()
                + "/"
                + secretName
                + " exists and is not the operator's: delete or rename it, or name a Secret in"
                + " spec.clickhouse.credentialsSecret",
            null,
            retry);
      }
      boolean ours =
          (recorded != null && user.equals(recorded.getUser()))
              || existing.map(c -> user.equals(c.username())).orElse(false);
      boolean exists;
      try {
        exists = !ours && access.userExists(user);
      } catch (StoreAccessDeniedException e) {
        // The operator may not even list users (chDB, or a user without access management).
        return refused(tenant, status, recorded, ACCESS_DENIED, retry);
      } catch (ClickHouseQueryException e) {
        if (e.code() != ACCESS_DENIED && e.code() != NO_WRITABLE_ACCESS_STORAGE) {
          throw e;
        }
        return refused(tenant, status, recorded, e.code(), retry);
      }
      if (exists) {
        return failed(
            tenant,
            status,
            "ClickHouse user "
                + user
                + " exists and was not created by the operator: drop it, or name its Secret in"
                + " spec.clickhouse.credentialsSecret",
            null,
            retry);
      }
      String password =
          existing
              .filter(c -> user.equals(c.username()) && c.password().length() >= 16)
              .map(Credentials::password)
              .orElse(null);
      boolean created = password == null;
      if (created) {
        password = generatePassword();
        if (existing.isPresent()) {
          secrets.deleteIfOurs(secretName, name); // stale: another database's user
        }
        secrets.create(secretName, name, tenant.getMetadata().getUid(), user, password);
      }
      TenantUserStatements sql = new TenantUserStatements(database, password, quotas);
      try {
        for (String statement : sql.provision()) {
          access.executeSecret(statement);
        }
      } catch (ClickHouseQueryException e) {
        if (e.code() != NO_WRITABLE_ACCESS_STORAGE && e.code() != ACCESS_DENIED) {
          throw e;
        }
        if (created) {
          secrets.deleteIfOurs(secretName, name); // nothing half-made is left for a retry
        }
        return refused(tenant, status, recorded, e.code(), retry);
      }
      confirmed.add(key);
      TenantClickHouseStatus now = new TenantClickHouseStatus();
      now.setCredentialsSecret(secretName);
      now.setUser(user);
      status.clickhouse(now);
      status
          .conditions()
          .set(
              ConditionTypes.CLICKHOUSE_USER_READY,
              true,
              "UserProvisioned",
              "ClickHouse user "
                  + user
                  + " may only read database "
                  + database
                  + " within the tenant's quotas; its credentials are in Secret "
                  + secrets.namespace()
                  + "/"
                  + secretName);
      log.info(
          "event=tenant_user_provisioned tenant={} {} secret={}/{}",
          name,
          sql.describe(),
          secrets.namespace(),
          secretName);
      return true;
    } catch (RuntimeException e) {
      return failed(
          tenant,
          status,
          "cannot provision the tenant's ClickHouse user: " + FailureText.storage(e),
          e,
          retry);
    }
  }

  /**
   * Drops the user the operator created for the tenant (recorded in its status) and its Secret;
   * nothing when the status records none. Throws when ClickHouse or Kubernetes fails (the finalizer
   * stays and is retried).
   */
  void remove(TelemetryTenant tenant) {
    TenantClickHouseStatus recorded =
        tenant.getStatus() == null ? null : tenant.getStatus().getClickhouse();
    if (recorded == null || recorded.getUser() == null) {
      return;
    }
    drop(tenant.getMetadata().getName(), tenant.getStatus().getDatabase(), recorded);
    confirmed.removeIf(k -> k.startsWith(tenant.getMetadata().getUid() + "/"));
  }

  private void drop(String tenant, String database, TenantClickHouseStatus recorded) {
    if (database != null
        && Identifiers.isValidDatabase(database)
        && recorded.getUser().equals(TenantUserStatements.userOf(database))) {
      for (String statement : TenantUserStatements.removal(database)) {
        access.executeSecret(statement);
      }
      log.info("event=tenant_user_dropped tenant={} user={}", tenant, recorded.getUser());
    }
    if (recorded.getCredentialsSecret() != null) {
      secrets.deleteIfOurs(recorded.getCredentialsSecret(), tenant);
    }
  }

  private boolean failed(
      TelemetryTenant tenant,
      TenantStatusDraft status,
      String message,
      RuntimeException cause,
      NextRetry retry) {
    status
        .conditions()
        .set(
            ConditionTypes.CLICKHOUSE_USER_READY,
            false,
            "UserProvisioningFailed",
            message + "; " + retry.describe());
    log.warn(
        "event=tenant_user_failed tenant={} attempt={} error={}",
        tenant.getMetadata().getName(),
        retry.attempt(),
        cause == null ? message : ErrorText.describe(cause));
    return false;
  }

  /**
   * ClickHouse refused to list or create users ({@code code} 497 or 514). Code 514, and a 497 from
   * a server whose access storages are all read-only (the chDB engine answers 497 before it could
   * say 514), mean users can only be declared in users.xml: as on 18.16, nothing is wrong. A 497
   * anywhere else means the operator's own user lacks access management: {@link #accessDenied}.
   */
  private boolean refused(
      TelemetryTenant tenant,
      TenantStatusDraft status,
      TenantClickHouseStatus recorded,
      int code,
      NextRetry retry) {
    if (code == NO_WRITABLE_ACCESS_STORAGE
        || access.writableAccessStorage().map(writable -> !writable).orElse(false)) {
      return cannotManageUsers(status, code);
    }
    return accessDenied(tenant, status, recorded, retry);
  }

  /**
   * The operator's ClickHouse user may not manage users on a server that keeps SQL users: {@code
   * ClickHouseUserReady=False}, reason {@value #ACCESS_MANAGEMENT_DENIED}, saying what to grant,
   * and a retry with the usual backoff (never remembered: granting the right later heals the tenant
   * without an edit, which Kubernetes could not notice).
   *
   * <p>This makes the tenant {@code Ready=False} and {@code Reconciling=True} (kstatus InProgress),
   * not {@code Stalled}: its telemetry is still served, but with weaker isolation than the tenant
   * asked for by naming no Secret (the API server's own user, routing only), and GitOps tools or
   * {@code kubectl wait --for=condition=Ready} must not report that as done. It is not Stalled
   * because the operator keeps retrying and heals on its own once the grant exists.
   */
  private boolean accessDenied(
      TelemetryTenant tenant,
      TenantStatusDraft status,
      TenantClickHouseStatus recorded,
      NextRetry retry) {
    String operatorUser = access.operatorUser();
    String meanwhile =
        recorded != null && recorded.getUser() != null
            ? "the tenant keeps reading as its user "
                + recorded.getUser()
                + " provisioned earlier, whose grant and quotas are not updated"
            : "until then the tenant's telemetry is read with the API server's own ClickHouse user,"
                + " isolated by the API server's routing only";
    status
        .conditions()
        .set(
            ConditionTypes.CLICKHOUSE_USER_READY,
            false,
            ACCESS_MANAGEMENT_DENIED,
            "the operator's ClickHouse user "
                + operatorUser
                + " may not manage users (code 497): grant it access management"
                + " (<access_management>1</access_management> on that user in users.xml, or GRANT"
                + " ACCESS MANAGEMENT ON *.* TO "
                + operatorUser
                + " and GRANT SELECT ON *.* TO "
                + operatorUser
                + " WITH GRANT OPTION), or name a Secret of a user you declare in"
                + " spec.clickhouse.credentialsSecret; "
                + meanwhile
                + "; "
                + retry.describe());
    log.warn(
        "event=tenant_user_access_denied tenant={} operator_user={} code={} attempt={}",
        tenant.getMetadata().getName(),
        operatorUser,
        ACCESS_DENIED,
        retry.attempt());
    return false;
  }

  /**
   * Users can only be declared in users.xml here (or by an administrator): from now on this process
   * does as on 18.16, and says so once in its log.
   */
  private boolean cannotManageUsers(TenantStatusDraft status, int code) {
    if (!Boolean.FALSE.equals(sqlUsers)) {
      log.warn(
          "event=clickhouse_access_control sql_users=false code={} message=\"the server has no"
              + " writable access storage: tenants read as the API server's user unless they name"
              + " a credentials Secret\"",
          code);
    }
    sqlUsers = false;
    status.conditions().remove(ConditionTypes.CLICKHOUSE_USER_READY);
    return true;
  }

  /** Whether the server can keep SQL users (asked once per process). */
  private boolean sqlUsers() {
    Boolean known = sqlUsers;
    if (known == null) {
      ClickHouseVersion v = access.version();
      known = v.hasSqlAccessControl();
      sqlUsers = known;
      log.info(
          "event=clickhouse_access_control version={}.{} sql_users={}",
          v.major(),
          v.minor(),
          known);
    }
    return known;
  }

  private static boolean declaredByAdministrator(TelemetryTenant tenant) {
    var ch = tenant.getSpec().getClickhouse();
    return ch != null && ch.getCredentialsSecret() != null && !ch.getCredentialsSecret().isBlank();
  }

  private String generatePassword() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** {@code kubetel-tenant-<name>}, shortened with a hash of the name when too long. */
  static String secretName(String tenant) {
    String name = SECRET_PREFIX + tenant;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(StandardCharsets.UTF_8));
      return name.substring(0, MAX_NAME - 9) + "-" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static ProfileQuotas quotas(TelemetryTenant tenant) {
    Quotas q = tenant.getSpec().getQuotas() == null ? new Quotas() : tenant.getSpec().getQuotas();
    return new ProfileQuotas(
        q.getMaxQuerySeconds() == null ? 30 : q.getMaxQuerySeconds(),
        q.getMaxRowsRead() == null ? 100_000_000L : q.getMaxRowsRead(),
        q.getMaxResultRows() == null ? 200_000L : q.getMaxResultRows(),
        q.getMaxMemoryBytes() == null ? 0 : q.getMaxMemoryBytes(),
        q.getMaxConcurrentQueries() == null ? 10 : q.getMaxConcurrentQueries());
  }
}
