package io.kubetel.apiserver.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.apiserver.secrets.SecretValues;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a tenant's ClickHouse credentials from a Secret object ({@code username} and {@code
 * password}, from {@code data} (base64) or {@code stringData}), and checks database names before
 * they reach the store. Values are never logged.
 */
final class TenantSecrets {
  static final String USERNAME = "username";
  static final String PASSWORD = "password";

  // What the store accepts as a database identifier; anything else makes the tenant unservable.
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private TenantSecrets() {}

  /** The credentials in {@code secret}, or empty when it has no username. */
  static Optional<ClickHouseCredentials> credentials(JsonNode secret) {
    Optional<String> user = SecretValues.value(secret, USERNAME);
    if (user.isEmpty() || user.get().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new ClickHouseCredentials(user.get(), SecretValues.value(secret, PASSWORD).orElse("")));
  }

  static boolean validDatabase(String database) {
    return DATABASE.matcher(database).matches();
  }
}
