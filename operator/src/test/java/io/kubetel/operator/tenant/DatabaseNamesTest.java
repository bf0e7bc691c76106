package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.operator.tenant.DatabaseNames.Reservation;
import io.kubetel.store.sql.Identifiers;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Derived tenant database names never collide and always fit; reserved names are recognised. */
class DatabaseNamesTest {

  static final DatabaseNames NAMES = DatabaseNames.of("kubetel_system", Optional.of("otel_prod"));

  @Test
  void namesThatReadAlikeDeriveDifferentDatabases() {
    // The previous derivation gave both kubetel_a_b.
    assertThat(DatabaseNames.derive("a-b")).isNotEqualTo(DatabaseNames.derive("a.b"));
    assertThat(DatabaseNames.derive("a-b")).matches("kubetel_a_b_[0-9a-f]{8}");
    assertThat(DatabaseNames.derive("a-b")).as("stable").isEqualTo(DatabaseNames.derive("a-b"));
    Set<String> seen = new HashSet<>();
    for (String base : new String[] {"shop", "a-b", "a.b", "a_b", "ab"}) {
      for (String suffix : new String[] {"", "-1", ".1", "1"}) {
        assertThat(seen.add(DatabaseNames.derive(base + suffix))).isTrue();
      }
    }
  }

  @Test
  void everyTenantNameDerivesAValidIdentifier() {
    String longest = "team." + "x".repeat(247); // 253 characters: the longest object name
    for (String name : new String[] {"shop", "a", longest, "0-starts-with-digit", "a.b.c-d"}) {
      String db = DatabaseNames.derive(name);
      assertThat(Identifiers.isValidDatabase(db)).as(db).isTrue();
      assertThat(db.length()).isLessThanOrEqualTo(63);
    }
    // Two long names sharing their first 46 characters still differ.
    assertThat(DatabaseNames.derive(longest)).isNotEqualTo(DatabaseNames.derive(longest + "y"));
  }

  @Test
  void clickHouseAndKubetelDatabasesAreNeverUsable() {
    for (String db :
        new String[] {
          "system",
          "information_schema",
          "INFORMATION_SCHEMA",
          "_temporary_and_external_tables",
          "kubetel_system"
        }) {
      assertThat(NAMES.reservation(db)).as(db).contains(Reservation.SYSTEM);
    }
    assertThat(NAMES.why("kubetel_system")).contains("kubetel's own");
    assertThat(NAMES.why("system")).contains("belongs to ClickHouse");
  }

  @Test
  void sharedDatabasesMayOnlyBeAdopted() {
    for (String db : new String[] {"default", "otel", "otel_prod", "DEFAULT"}) {
      assertThat(NAMES.reservation(db)).as(db).contains(Reservation.SHARED);
    }
    assertThat(NAMES.why("otel")).contains("never creates or drops it");
    assertThat(NAMES.reservation("kubetel_shop_1a2b3c4d")).isEmpty();
    assertThat(NAMES.reservation("otel_staging")).isEmpty();
    // Without a --default-database only the fixed ones are shared.
    assertThat(DatabaseNames.of("kt_sys", Optional.empty()).reservation("otel_prod")).isEmpty();
    assertThat(DatabaseNames.of("kt_sys", Optional.empty()).reservation("kt_sys"))
        .contains(Reservation.SYSTEM);
  }
}
