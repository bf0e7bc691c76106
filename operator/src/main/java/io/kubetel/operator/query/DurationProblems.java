package io.kubetel.operator.query;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import java.util.List;

/**
 * Checks the duration fields of AlertRules and Dashboards ({@code spec.interval}, {@code
 * spec.timeRange}, ...) with the one kubetel duration grammar. The CRD schema refuses the same
 * input at admission; this catches objects stored before a schema change.
 */
public final class DurationProblems {

  private DurationProblems() {}

  /**
   * Adds an {@code InvalidDuration} problem for {@code field} when {@code text} is set but not a
   * duration (or zero, when {@code positive}).
   */
  public static void check(String text, String field, boolean positive, List<Problem> out) {
    if (text == null) {
      return;
    }
    try {
      if (positive) {
        Durations.parsePositive(text, "");
      } else {
        Durations.parse(text, "");
      }
    } catch (InvalidInputException e) {
      out.add(new Problem("InvalidDuration", field, e.getMessage()));
    }
  }
}
