package io.kubetel.apiserver.cache;

import java.util.Optional;

/**
 * Whose data a read of a namespace returns, as a value the cache can compare: the tenant's
 * database, ClickHouse credentials and quotas when tenancy is on (all readable tenants for an
 * all-namespaces read), one constant otherwise. Results are shared only between requests whose
 * identities are equal, so one tenant's result is never served to another.
 */
@FunctionalInterface
public interface CacheScope {

  /** The server's own database and user for every namespace (tenancy off). */
  CacheScope SERVER = namespace -> "server";

  /**
   * The identity reads of {@code namespace} resolve to (empty: all namespaces). Must implement
   * {@code equals} and {@code hashCode} by value.
   */
  Object identityOf(Optional<String> namespace);
}
