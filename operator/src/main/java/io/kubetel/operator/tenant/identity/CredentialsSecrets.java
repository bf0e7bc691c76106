package io.kubetel.operator.tenant.identity;

import java.util.Optional;

/**
 * The tenants' credentials Secrets in the namespace the API server reads them from. Values are
 * never logged.
 */
public interface CredentialsSecrets {

  /** A credentials Secret as the operator sees it. */
  record Credentials(String username, String password, boolean ownedBy) {
    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password=<redacted>, ours=" + ownedBy + "]";
    }
  }

  /** The namespace of the Secrets. */
  String namespace();

  /**
   * The Secret {@code name}, if it exists; {@code ownedBy} tells whether it is the operator's
   * Secret of tenant {@code tenant} (its labels).
   */
  Optional<Credentials> read(String name, String tenant);

  /** Creates the operator's Secret {@code name} of the tenant with {@code uid}. */
  void create(String name, String tenant, String uid, String username, String password);

  /** Deletes the Secret {@code name} if it is the operator's Secret of {@code tenant}. */
  void deleteIfOurs(String name, String tenant);
}
