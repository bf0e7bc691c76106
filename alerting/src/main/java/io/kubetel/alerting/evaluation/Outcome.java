package io.kubetel.alerting.evaluation;

import io.kubetel.alerting.state.RuleState;
import io.kubetel.model.alerts.AlertEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of evaluating one rule once.
 *
 * @param state the rule's series after the evaluation (unchanged when the query failed)
 * @param events the transitions, to be stored before anything is notified
 * @param lastValue the largest value among the series (NaN when there was none)
 * @param error why the evaluation failed (the query was invalid or storage failed); never fires
 */
public record Outcome(
    RuleState state,
    List<AlertEvent> events,
    double lastValue,
    Instant evaluatedAt,
    Optional<String> error) {

  public Outcome {
    events = List.copyOf(events);
  }

  public static Outcome failed(RuleState unchanged, Instant at, String error) {
    return new Outcome(unchanged, List.of(), Double.NaN, at, Optional.of(error));
  }
}
