package io.kubetel.store.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.store.ownership.DatabaseOwner.Mode;
import io.kubetel.store.sql.SqlLiteral;
import io.kubetel.store.testing.LocalClickHouse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ownership records in kubetel's own database, on the local ClickHouse (18.16 and 26.7 in CI): the
 * table's DDL runs on both, the newest record wins, a release hides the record, names that look
 * like SQL stay values, and a system database dropped by hand comes back.
 */
class DatabaseOwnershipIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("ownership");

  static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

  String systemDb;
  DatabaseOwnership ownership;

  @BeforeEach
  void ownership() {
    systemDb = ch.database() + "_sys";
    ownership = new DatabaseOwnership(ch.gateway(), systemDb, Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void dropSystemDatabase() {
    ch.gateway().execute("DROP DATABASE IF EXISTS " + systemDb);
  }

  @Test
  void aRecordIsFoundAndTheNewestOneWins() {
    assertThat(ownership.find("kubetel_shop_1a2b3c4d")).isEmpty();
    ownership.record(
        new DatabaseOwner("kubetel_shop_1a2b3c4d", "shop", "uid-1", Mode.CREATED, null));
    ownership.record(new DatabaseOwner("collector_db", "ops", "uid-2", Mode.ADOPTED, null));

    assertThat(ownership.find("kubetel_shop_1a2b3c4d"))
        .contains(new DatabaseOwner("kubetel_shop_1a2b3c4d", "shop", "uid-1", Mode.CREATED, T0));
    assertThat(ownership.find("collector_db").orElseThrow().mode()).isEqualTo(Mode.ADOPTED);

    // A tenant of the same name re-created after Retain takes its database up again.
    ownership.record(
        new DatabaseOwner("kubetel_shop_1a2b3c4d", "shop", "uid-3", Mode.CREATED, null));
    assertThat(ownership.find("kubetel_shop_1a2b3c4d").orElseThrow().tenantUid())
        .isEqualTo("uid-3");
    // The table is kubetel's own, in kubetel's database, and nowhere else.
    assertThat(tables(systemDb)).containsExactly(DatabaseOwnership.TABLE);
    assertThat(tables(ch.database())).doesNotContain(DatabaseOwnership.TABLE);
  }

  @Test
  void aReleasedRecordIsGoneAndCanBeWrittenAgain() {
    DatabaseOwner owner = new DatabaseOwner("kubetel_gone", "gone", "uid", Mode.CREATED, null);
    ownership.record(owner);
    ownership.release(owner);
    assertThat(ownership.find("kubetel_gone")).isEmpty();
    ownership.record(new DatabaseOwner("kubetel_gone", "next", "uid-n", Mode.ADOPTED, null));
    assertThat(ownership.find("kubetel_gone").orElseThrow().tenant()).isEqualTo("next");
    // Every change is a row: what happened stays readable until ClickHouse merges the parts.
    assertThat(rows("kubetel_gone")).isBetween(1L, 3L);
  }

  @Test
  void tenantNamesAreValuesNeverSql() {
    String tenant = "x') ; DROP DATABASE " + ch.database() + " --\\'";
    ownership.record(new DatabaseOwner("kubetel_odd", tenant, "u'id", Mode.CREATED, null));
    DatabaseOwner found = ownership.find("kubetel_odd").orElseThrow();
    assertThat(found.tenant()).isEqualTo(tenant);
    assertThat(found.tenantUid()).isEqualTo("u'id");
    assertThat(tables(ch.database())).isNotEmpty();
  }

  @Test
  void aSystemDatabaseDroppedByHandIsCreatedAgainAtTheNextCall() {
    DatabaseOwner owner = new DatabaseOwner("kubetel_again", "again", "uid", Mode.CREATED, null);
    ownership.record(owner);
    ch.gateway().execute("DROP DATABASE " + systemDb);
    assertThatThrownBy(() -> ownership.find("kubetel_again")).isInstanceOf(RuntimeException.class);
    assertThat(ownership.find("kubetel_again")).as("a fresh, empty table").isEmpty();
    ownership.record(owner);
    assertThat(ownership.find("kubetel_again"))
        .contains(new DatabaseOwner("kubetel_again", "again", "uid", Mode.CREATED, T0));
  }

  @Test
  void theDdlIsTheSameOnEveryServer() {
    // No Map, DateTime64, LowCardinality or TTL: 18.16 runs it as 26.7 does.
    String ddl = String.join("\n", DatabaseOwnership.ddl(systemDb));
    assertThat(ddl).doesNotContain("Map(", "DateTime64", "LowCardinality", "TTL");
    ownership.ensureTable();
    ownership.ensureTable();
    assertThat(tables(systemDb)).containsExactly(DatabaseOwnership.TABLE);
  }

  private List<String> tables(String database) {
    return ch
        .gateway()
        .select(
            "SELECT name FROM system.tables WHERE database = "
                + SqlLiteral.string(database)
                + " FORMAT JSONEachRow")
        .stream()
        .map(r -> r.get("name").asText())
        .toList();
  }

  private long rows(String database) {
    List<JsonNode> r =
        ch.gateway()
            .select(
                "SELECT count() AS c FROM "
                    + systemDb
                    + "."
                    + DatabaseOwnership.TABLE
                    + " WHERE database = "
                    + SqlLiteral.string(database)
                    + " FORMAT JSONEachRow");
    return r.get(0).get("c").asLong();
  }
}
