package io.kubetel.operator.alertrule;

import io.kubetel.crds.alertrule.AlertCondition;
import io.kubetel.crds.alertrule.AnomalyCondition;
import io.kubetel.crds.alertrule.ConditionType;
import io.kubetel.operator.query.DurationProblems;
import io.kubetel.operator.query.Problem;
import java.util.List;

/**
 * Checks an AlertRule's condition by its type: a Threshold needs a comparator and a finite
 * threshold; an Anomaly needs {@code anomaly} (valid durations) and takes neither. The schema's CEL
 * rules say the same, but the fabric8 mock server and clusters without CEL do not enforce them.
 */
final class ConditionProblems {
  private ConditionProblems() {}

  static void check(AlertCondition c, List<Problem> out) {
    if (c == null) {
      out.add(new Problem("InvalidCondition", "spec.condition", "condition is required"));
      return;
    }
    if (c.getType() == ConditionType.Anomaly) {
      anomaly(c, out);
      return;
    }
    if (c.getAnomaly() != null) {
      out.add(
          new Problem(
              "InvalidCondition",
              "spec.condition.anomaly",
              "anomaly is only for an Anomaly condition (type: Anomaly)"));
    }
    if (c.getComparator() == null || c.getThreshold() == null) {
      out.add(
          new Problem(
              "InvalidCondition",
              "spec.condition",
              "a Threshold condition needs comparator and threshold"));
    } else if (c.getThreshold().isNaN() || c.getThreshold().isInfinite()) {
      out.add(
          new Problem("InvalidCondition", "spec.condition.threshold", "threshold must be finite"));
    }
  }

  private static void anomaly(AlertCondition c, List<Problem> out) {
    if (c.getThreshold() != null || c.getComparator() != null) {
      out.add(
          new Problem(
              "InvalidCondition",
              "spec.condition",
              "an Anomaly condition takes no comparator or threshold (it learns what is normal)"));
    }
    AnomalyCondition a = c.getAnomaly();
    if (a == null) {
      out.add(
          new Problem(
              "InvalidCondition",
              "spec.condition.anomaly",
              "an Anomaly condition needs anomaly (sensitivity, season, minimumDuration)"));
      return;
    }
    DurationProblems.check(a.getSeason(), "spec.condition.anomaly.season", true, out);
    DurationProblems.check(
        a.getMinimumDuration(), "spec.condition.anomaly.minimumDuration", false, out);
  }
}
