package io.kubetel.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JOSDK metrics that remember, per object name, when each reconciliation started and how many
 * failed: what a test needs to tell a retry loop from a single reconcile, and a backoff from a
 * fixed interval.
 */
public final class ReconcileLog implements Metrics {

  private final Map<String, List<Instant>> started = new ConcurrentHashMap<>();
  private final Map<String, List<String>> failures = new ConcurrentHashMap<>();

  @Override
  public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
    started
        .computeIfAbsent(resource.getMetadata().getName(), n -> new CopyOnWriteArrayList<>())
        .add(Instant.now());
  }

  @Override
  public void reconciliationFailed(
      HasMetadata resource, RetryInfo retry, Exception exception, Map<String, Object> metadata) {
    failures
        .computeIfAbsent(resource.getMetadata().getName(), n -> new CopyOnWriteArrayList<>())
        .add(exception.getClass().getSimpleName());
  }

  /** How many reconciliations of {@code name} started. */
  public int reconciliations(String name) {
    return started.getOrDefault(name, List.of()).size();
  }

  /** The exceptions (class names) reconciliations of {@code name} failed with. */
  public List<String> failures(String name) {
    return List.copyOf(failures.getOrDefault(name, List.of()));
  }

  /** The time between consecutive reconciliations of {@code name}, oldest first. */
  public List<Duration> gaps(String name) {
    List<Instant> times = started.getOrDefault(name, List.of());
    List<Duration> out = new ArrayList<>();
    for (int i = 1; i < times.size(); i++) {
      out.add(Duration.between(times.get(i - 1), times.get(i)));
    }
    return out;
  }
}
