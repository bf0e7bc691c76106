package io.kubetel.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.operator.tenant.DatabaseClaim.Decision;
import io.kubetel.operator.tenant.DatabaseClaim.Refuse;
import io.kubetel.operator.tenant.DatabaseClaim.Use;
import io.kubetel.store.ownership.DatabaseOwner;
import io.kubetel.store.ownership.DatabaseOwner.Mode;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose database is it: every case of the ownership decision, without storage. */
class DatabaseClaimTest {

  static final DatabaseCheck.Choice OWN = new DatabaseCheck.Choice("kt_db", false);
  static final DatabaseCheck.Choice ADOPT = new DatabaseCheck.Choice("kt_db", true);

  static Decision decide(
      DatabaseCheck.Choice choice,
      boolean recordedInStatus,
      DatabaseOwner record,
      boolean exists,
      String... tenants) {
    return DatabaseClaim.decide(
        "shop",
        "uid-shop",
        choice,
        recordedInStatus,
        Optional.ofNullable(record),
        () -> exists,
        Set.of(tenants)::contains);
  }

  static DatabaseOwner owner(String tenant, String uid, Mode mode) {
    return new DatabaseOwner("kt_db", tenant, uid, mode, null);
  }

  @Test
  void aNewDatabaseIsCreatedAndRecordedFirst() {
    assertThat(decide(OWN, false, null, false)).isEqualTo(new Use(Mode.CREATED, true, false));
  }

  @Test
  void anExistingDatabaseNeedsAdoption() {
    assertThat(decide(OWN, false, null, true))
        .isInstanceOfSatisfying(
            Refuse.class,
            r -> {
              assertThat(r.reason()).isEqualTo("DatabaseExists");
              assertThat(r.message()).contains("spec.adoptExistingDatabase: true");
            });
    assertThat(decide(ADOPT, false, null, true)).isEqualTo(new Use(Mode.ADOPTED, true, false));
  }

  @Test
  void aDatabaseThePreviousReleaseProvisionedIsRecognised() {
    assertThat(decide(OWN, true, null, true)).isEqualTo(new Use(Mode.CREATED, true, true));
    // Adopting it instead records the adoption: it is then never dropped.
    assertThat(decide(ADOPT, true, null, true)).isEqualTo(new Use(Mode.ADOPTED, true, false));
  }

  @Test
  void itsOwnRecordIsKeptAndRewrittenOnlyForANewUid() {
    assertThat(decide(OWN, true, owner("shop", "uid-shop", Mode.CREATED), true))
        .isEqualTo(new Use(Mode.CREATED, false, false));
    assertThat(decide(OWN, true, owner("shop", "uid-shop", Mode.ADOPTED), true))
        .isEqualTo(new Use(Mode.ADOPTED, false, false));
    // Re-created under the same name after Retain: takes its data up again.
    assertThat(decide(OWN, false, owner("shop", "uid-old", Mode.CREATED), true))
        .isEqualTo(new Use(Mode.CREATED, true, false));
  }

  @Test
  void anotherTenantsDatabaseIsRefusedAdoptionIncluded() {
    for (Mode mode : Mode.values()) {
      for (DatabaseCheck.Choice choice : new DatabaseCheck.Choice[] {OWN, ADOPT}) {
        assertThat(decide(choice, false, owner("billing", "uid-b", mode), true, "billing"))
            .isInstanceOfSatisfying(
                Refuse.class,
                r -> {
                  assertThat(r.reason()).isEqualTo("DatabaseOwnedByAnotherTenant");
                  assertThat(r.message()).contains("tenant billing");
                });
      }
    }
  }

  @Test
  void aRetainedDatabaseOfAGoneTenantIsTakenOverOnlyByAdoption() {
    DatabaseOwner gone = owner("billing", "uid-b", Mode.CREATED);
    assertThat(decide(OWN, false, gone, true))
        .isInstanceOfSatisfying(
            Refuse.class, r -> assertThat(r.message()).contains("no longer exists"));
    assertThat(decide(ADOPT, false, gone, true)).isEqualTo(new Use(Mode.ADOPTED, true, false));
  }
}
