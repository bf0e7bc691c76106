package io.kubetel.operator.query;

import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.Signal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory {@link QueryCatalog} for tests: the metrics and attribute keys that "exist". */
public final class FakeCatalog implements QueryCatalog {
  private final Set<String> metrics = new HashSet<>();
  private final Map<Signal, Set<String>> keys = new HashMap<>();
  private volatile RuntimeException failure;

  public FakeCatalog metric(String name) {
    metrics.add(name);
    return this;
  }

  public FakeCatalog attribute(Signal signal, String key) {
    keys.computeIfAbsent(signal, s -> new HashSet<>()).add(key);
    return this;
  }

  /** Makes every call fail like an unreachable ClickHouse (null to heal). */
  public void failWith(RuntimeException e) {
    failure = e;
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    if (failure != null) {
      throw failure;
    }
    return metrics.contains(metricName);
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    if (failure != null) {
      throw failure;
    }
    return keys.getOrDefault(signal, Set.of());
  }
}
