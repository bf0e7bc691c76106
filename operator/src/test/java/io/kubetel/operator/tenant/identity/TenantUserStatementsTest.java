package io.kubetel.operator.tenant.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.operator.tenant.identity.TenantUserStatements.ProfileQuotas;
import org.junit.jupiter.api.Test;

/**
 * Statement-level tests of a tenant's ClickHouse identity (20.4+ SQL access control): the test
 * engines cannot run them (18.16 has no SQL users; chDB keeps users in users.xml only).
 */
class TenantUserStatementsTest {
  private static final ProfileQuotas QUOTAS = new ProfileQuotas(30, 100_000_000, 200_000, 0, 10);

  @Test
  void provisionsAProfileAUserAndSelectOnTheTenantsDatabaseOnly() {
    TenantUserStatements sql =
        new TenantUserStatements("kubetel_shop_1a2b3c4d", "p4ssw0rd-p4ssw0rd", QUOTAS);

    assertThat(sql.provision())
        .containsExactly(
            "CREATE SETTINGS PROFILE IF NOT EXISTS `kubetel_shop_1a2b3c4d_profile` SETTINGS"
                + " readonly = 2, max_execution_time = 30 MAX 30, max_rows_to_read = 100000000"
                + " MAX 100000000, max_result_rows = 200000 MAX 200000,"
                + " max_concurrent_queries_for_user = 10 MAX 10",
            "ALTER SETTINGS PROFILE `kubetel_shop_1a2b3c4d_profile` SETTINGS readonly = 2,"
                + " max_execution_time = 30 MAX 30, max_rows_to_read = 100000000 MAX 100000000,"
                + " max_result_rows = 200000 MAX 200000,"
                + " max_concurrent_queries_for_user = 10 MAX 10",
            "CREATE USER IF NOT EXISTS `kubetel_shop_1a2b3c4d_reader` IDENTIFIED WITH"
                + " sha256_password BY 'p4ssw0rd-p4ssw0rd' SETTINGS PROFILE"
                + " 'kubetel_shop_1a2b3c4d_profile'",
            "ALTER USER `kubetel_shop_1a2b3c4d_reader` IDENTIFIED WITH sha256_password BY"
                + " 'p4ssw0rd-p4ssw0rd' SETTINGS PROFILE 'kubetel_shop_1a2b3c4d_profile'",
            "REVOKE ALL ON *.* FROM `kubetel_shop_1a2b3c4d_reader`",
            "GRANT SELECT ON kubetel_shop_1a2b3c4d.* TO `kubetel_shop_1a2b3c4d_reader`");
    assertThat(sql.user()).isEqualTo("kubetel_shop_1a2b3c4d_reader");
  }

  @Test
  void aMemoryQuotaBecomesAMaximumOfTheProfile() {
    TenantUserStatements sql =
        new TenantUserStatements(
            "tenant_db", "0123456789abcdef", new ProfileQuotas(5, 1000, 10, 2_000_000_000L, 3));

    assertThat(sql.provision().get(0))
        .endsWith(
            "max_execution_time = 5 MAX 5, max_rows_to_read = 1000 MAX 1000, max_result_rows = 10"
                + " MAX 10, max_concurrent_queries_for_user = 3 MAX 3, max_memory_usage ="
                + " 2000000000 MAX 2000000000");
  }

  @Test
  void thePasswordIsAnEscapedLiteralAndNeverInTheDescription() {
    String hostile = "x' SETTINGS PROFILE 'default'; DROP DATABASE a; --\\'";
    TenantUserStatements sql = new TenantUserStatements("tenant_db", hostile, QUOTAS);

    String create = sql.provision().get(2);
    assertThat(create)
        .contains("BY 'x\\' SETTINGS PROFILE \\'default\\'; DROP DATABASE a; --\\\\\\''")
        .endsWith("SETTINGS PROFILE 'tenant_db_profile'");
    assertThat(sql.describe()).doesNotContain("DROP").doesNotContain("x'");
    assertThat(sql.toString()).contains("tenant_db").doesNotContain("DROP").doesNotContain("x'");
  }

  @Test
  void theConcurrencyQuotaIsAMaximumEveryReplicaShares() {
    // ClickHouse counts the user's queries over all connections: every API server replica's.
    TenantUserStatements sql =
        new TenantUserStatements(
            "tenant_db", "0123456789abcdef", new ProfileQuotas(30, 1000, 10, 0, 2));

    assertThat(sql.provision().get(1)).contains("max_concurrent_queries_for_user = 2 MAX 2");
    assertThatThrownBy(() -> new ProfileQuotas(30, 1000, 10, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removalDropsTheUserAndItsProfile() {
    assertThat(TenantUserStatements.removal("tenant_db"))
        .containsExactly(
            "DROP USER IF EXISTS `tenant_db_reader`",
            "DROP SETTINGS PROFILE IF EXISTS `tenant_db_profile`");
  }

  @Test
  void databaseNamesAndShortPasswordsAreRefused() {
    assertThatThrownBy(() -> new TenantUserStatements("a`b", "0123456789abcdef", QUOTAS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TenantUserStatements("tenant_db", "short", QUOTAS))
        .hasMessageContaining("at least 16");
  }

  @Test
  void sqlAccessControlStartsWith20Point4() {
    assertThat(ClickHouseVersion.parse("18.16.1").hasSqlAccessControl()).isFalse();
    assertThat(ClickHouseVersion.parse("20.3.21.2").hasSqlAccessControl()).isFalse();
    assertThat(ClickHouseVersion.parse("20.4.2.9").hasSqlAccessControl()).isTrue();
    assertThat(ClickHouseVersion.parse("26.7.1.1-stable").hasSqlAccessControl()).isTrue();
    assertThatThrownBy(() -> ClickHouseVersion.parse("unknown"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
