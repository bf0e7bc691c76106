package io.kubetel.model.query;

import java.util.Optional;
import java.util.Set;

/**
 * What exists in storage, for validating queries against real data (AlertRule and Dashboard
 * validation in the operator).
 */
public interface QueryCatalog {

  /** Whether any data for this metric name exists in the recent past (optionally per namespace). */
  boolean metricExists(String metricName, Optional<String> namespace);

  /**
   * Record attribute keys seen recently for the signal (and metric, for metrics), for checking
   * filters and group-by keys.
   */
  Set<String> attributeKeys(Signal signal, Optional<String> metricName, Optional<String> namespace);
}
