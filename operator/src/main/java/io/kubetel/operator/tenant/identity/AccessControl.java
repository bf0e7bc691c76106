package io.kubetel.operator.tenant.identity;

import java.util.Optional;

/**
 * What provisioning a tenant's ClickHouse identity needs from ClickHouse. Statements passed to
 * {@link #executeSecret} carry a password: implementations never log them nor put them or the
 * server's answer (which may quote them) into an exception message.
 */
public interface AccessControl {

  /** The server's version (asked once per process by the caller). */
  ClickHouseVersion version();

  /** Whether a user of this name exists (in any access storage, users.xml included). */
  boolean userExists(String user);

  /** Runs an access-control statement; throws a message-safe exception when it fails. */
  void executeSecret(String statement);

  /**
   * Whether the server has an access storage CREATE USER can write to ({@code system.
   * user_directories}, readable without any grant): asked after a refusal with code 497, which a
   * server without one (the chDB engine) and an operator user without access management both
   * answer. Empty when the server does not say (a version before that table).
   */
  Optional<Boolean> writableAccessStorage();

  /** The ClickHouse user the operator connects as, for messages that tell whom to grant what. */
  String operatorUser();
}
