package io.kubetel.alerting.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.condition.SeriesCondition;
import io.kubetel.anomaly.Sensitivity;
import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;

/**
 * Reads {@code spec.condition} of type {@code Anomaly} ({@code anomaly.sensitivity}, {@code
 * anomaly.season}, {@code anomaly.minimumDuration}) into an {@link AnomalyCondition} bound to the
 * host's {@link AnomalyModels}, with the same rules as the CRD's schema, so a rule applied without
 * the API server's validation gets the same clear error.
 */
public final class AnomalyConditionParser implements ConditionTypes.Parser {
  private final AnomalyModels models;

  public AnomalyConditionParser(AnomalyModels models) {
    this.models = models;
  }

  @Override
  public SeriesCondition parse(JsonNode condition) {
    if (condition.has("threshold") && !condition.get("threshold").isNull()) {
      throw new InvalidInputException(
          "spec.condition.threshold: Forbidden: an Anomaly condition takes no threshold");
    }
    if (condition.has("comparator") && !condition.get("comparator").isNull()) {
      throw new InvalidInputException(
          "spec.condition.comparator: Forbidden: an Anomaly condition takes no comparator");
    }
    JsonNode a = condition.path("anomaly");
    if (!a.isObject()) {
      throw new InvalidInputException(
          "spec.condition.anomaly: Required value: an Anomaly condition needs anomaly"
              + " (sensitivity, season, minimumDuration)");
    }
    return new AnomalyCondition(settings(a), models);
  }

  /** The settings of an {@code anomaly} object, defaults applied. */
  static AnomalySettings settings(JsonNode a) {
    String s = a.path("sensitivity").asText("Medium");
    Sensitivity sensitivity =
        switch (s) {
          case "Low" -> Sensitivity.LOW;
          case "Medium" -> Sensitivity.MEDIUM;
          case "High" -> Sensitivity.HIGH;
          default ->
              throw new InvalidInputException(
                  "spec.condition.anomaly.sensitivity: Unsupported value: \""
                      + s
                      + "\": supported values: Low, Medium, High");
        };
    long season = 0;
    if (a.hasNonNull("season")) {
      season =
          Durations.parsePositive(a.get("season").asText(), "spec.condition.anomaly.season")
              .toMillis();
    }
    long minimum =
        Durations.parse(
                a.path("minimumDuration").asText("0s"), "spec.condition.anomaly.minimumDuration")
            .toMillis();
    return new AnomalySettings(sensitivity, season, minimum);
  }
}
