package io.kubetel.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JOSDK metrics that count the reconciliations started per object name, so a test can tell which
 * objects an event woke.
 */
public final class ReconcileCounts implements Metrics {

  private final Map<String, AtomicInteger> started = new ConcurrentHashMap<>();

  @Override
  public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
    started
        .computeIfAbsent(resource.getMetadata().getName(), n -> new AtomicInteger())
        .incrementAndGet();
  }

  /** How many reconciliations of the object named {@code name} started so far. */
  public int of(String name) {
    AtomicInteger n = started.get(name);
    return n == null ? 0 : n.get();
  }
}
