package io.kubetel.alerting.condition;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.problem.InvalidInputException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The condition types the evaluator knows, by {@code spec.condition.type}: {@code Threshold} built
 * in; another module (the anomaly detectors) registers its type with {@link #register} when the
 * host wires it. Parsing a condition of an unknown type is a clear error on the rule, not a crash.
 */
public final class ConditionTypes {

  /** Builds a condition from the {@code spec.condition} object of an AlertRule. */
  @FunctionalInterface
  public interface Parser {
    /**
     * @throws InvalidInputException naming the field when the condition is invalid
     */
    SeriesCondition parse(JsonNode condition);
  }

  private final Map<String, Parser> parsers = new ConcurrentHashMap<>();

  /** The built-in types only. */
  public static ConditionTypes standard() {
    ConditionTypes types = new ConditionTypes();
    types.register(ThresholdCondition.TYPE, ConditionTypes::threshold);
    return types;
  }

  /** Adds (or replaces) the parser of {@code type}. */
  public ConditionTypes register(String type, Parser parser) {
    parsers.put(type, parser);
    return this;
  }

  /** The condition described by {@code condition} ({@code type} defaults to Threshold). */
  public SeriesCondition parse(JsonNode condition) {
    if (condition == null || !condition.isObject()) {
      throw new InvalidInputException("spec.condition: Required value");
    }
    String type = condition.path("type").asText(ThresholdCondition.TYPE);
    Parser parser = parsers.get(type);
    if (parser == null) {
      throw new InvalidInputException(
          "spec.condition.type: Unsupported value: \""
              + type
              + "\": supported values: "
              + String.join(", ", parsers.keySet().stream().sorted().toList()));
    }
    return parser.parse(condition);
  }

  private static SeriesCondition threshold(JsonNode c) {
    String comparator = c.path("comparator").asText("");
    ThresholdCondition.Comparison comparison;
    try {
      comparison = ThresholdCondition.Comparison.valueOf(comparator);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "spec.condition.comparator: Unsupported value: \"" + comparator + "\"");
    }
    JsonNode threshold = c.path("threshold");
    if (!threshold.isNumber()) {
      throw new InvalidInputException("spec.condition.threshold: Required value: a number");
    }
    return new ThresholdCondition(comparison, threshold.asDouble());
  }
}
