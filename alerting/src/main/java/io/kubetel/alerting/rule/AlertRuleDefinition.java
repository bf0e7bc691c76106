package io.kubetel.alerting.rule;

import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.model.query.TelemetryQuerySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An AlertRule as the evaluator sees it: parsed and defaulted by {@link AlertRuleParser} from the
 * custom resource, independent of the Kubernetes client that read it (the operator's informer or
 * the standalone server's YAML directory).
 *
 * @param generation {@code metadata.generation}; a new one restarts nothing but the schedule
 */
public record AlertRuleDefinition(
    String namespace,
    String name,
    long generation,
    TelemetryQuerySpec query,
    String queryShape,
    SeriesCondition condition,
    Duration forDuration,
    Duration keepFiringFor,
    Duration interval,
    Duration repeatInterval,
    NoDataPolicy noData,
    String severity,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<ReceiverTarget> receivers,
    List<Silence> silences) {

  public AlertRuleDefinition {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    receivers = List.copyOf(receivers);
    silences = List.copyOf(silences);
  }

  /** {@code namespace/name}, the rule's key everywhere in the evaluator. */
  public String key() {
    return namespace + "/" + name;
  }

  /** Whether a silence mutes the series with {@code seriesLabels} at {@code now}. */
  public boolean silenced(Map<String, String> seriesLabels, Instant now) {
    return silences.stream().anyMatch(s -> s.mutes(seriesLabels, now));
  }
}
