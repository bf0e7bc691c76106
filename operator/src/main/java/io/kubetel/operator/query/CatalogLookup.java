package io.kubetel.operator.query;

import io.kubetel.model.query.QueryCatalog;
import java.util.Optional;

/**
 * Finds the {@link QueryCatalog} holding a namespace's telemetry (the database of the tenant that
 * owns the namespace); empty when data-dependent checks cannot be made for it.
 */
@FunctionalInterface
public interface CatalogLookup {

  /** No catalog anywhere: only the static checks run. */
  CatalogLookup NONE = namespace -> Optional.empty();

  Optional<QueryCatalog> forNamespace(String namespace);
}
