package io.kubetel.operator.tenant.identity;

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
}
