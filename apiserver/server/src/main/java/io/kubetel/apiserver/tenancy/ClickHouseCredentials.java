package io.kubetel.apiserver.tenancy;

import java.util.Objects;

/**
 * The ClickHouse user a tenant's queries run as, read from the tenant's credentials Secret (keys
 * {@code username} and {@code password}, the {@code kubernetes.io/basic-auth} shape). Never printed
 * with its password.
 */
public record ClickHouseCredentials(String user, String password) {
  public ClickHouseCredentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isBlank()) {
      throw new IllegalArgumentException("the credentials Secret's username is empty");
    }
  }

  @Override
  public String toString() {
    return "ClickHouseCredentials[user=" + user + ", password=<redacted>]";
  }
}
