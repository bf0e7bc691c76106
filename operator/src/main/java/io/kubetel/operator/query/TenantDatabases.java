package io.kubetel.operator.query;

import java.util.Optional;

/** Which database holds a namespace's telemetry: the tenant index ({@link TenantIndex}). */
@FunctionalInterface
public interface TenantDatabases {

  /**
   * The database of the tenant that owns {@code namespace}; empty when no tenant does.
   *
   * @throws RuntimeException when the index cannot be read yet
   */
  Optional<String> databaseOf(String namespace);
}
