package io.kubetel.apiserver.selection;

import io.kubetel.apiserver.selection.SelectorVocabulary.FieldSpec;
import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.labels.LabelOperator;
import io.kubetel.model.labels.LabelRequirement;
import io.kubetel.model.labels.LabelSelector;
import io.kubetel.model.labels.LabelSelectorParser;
import io.kubetel.model.problem.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a request's {@code labelSelector}, {@code fieldSelector} and window parameters into a
 * {@link Selection} for one resource. Unknown field keys are 400 {@code field label not supported:
 * X}; invalid values are 400 saying what is wrong.
 */
public final class SelectionParser {
  /**
   * Most label and field requirements of one request. Each becomes a condition of the storage
   * query; thousands of them make ClickHouse analyse a query for longer than any request may take.
   * Long selectors still fit: an {@code in} list may hold many values.
   */
  public static final int MAX_REQUIREMENTS = 100;

  private final SelectorVocabulary vocabulary;
  private final WindowPolicy policy;

  public SelectionParser(SelectorVocabulary vocabulary, WindowPolicy policy) {
    this.vocabulary = vocabulary;
    this.policy = policy;
  }

  public SelectorVocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * Parses the selection.
   *
   * @param params query parameters (first value of each)
   * @param pathNamespace the namespace from the URL, if any
   * @param now the as-of time
   */
  public Selection parse(Map<String, String> params, Optional<String> pathNamespace, Instant now) {
    String labelText = params.get("labelSelector");
    String fieldText = params.get("fieldSelector");
    LabelSelector labels = LabelSelectorParser.parse(labelText);
    List<FieldRequirement> terms = FieldSelectorParser.parse(fieldText);
    int requirements = labels.requirements().size() + terms.size();
    if (requirements > MAX_REQUIREMENTS) {
      throw new InvalidInputException(
          "the label and field selectors hold "
              + requirements
              + " requirements; at most "
              + MAX_REQUIREMENTS
              + " are supported (list many values of one key with 'key in (a,b,...)')");
    }

    List<FieldFilter> filters = new ArrayList<>();
    List<LabelRequirement> exactLabels = new ArrayList<>();
    for (LabelRequirement r : labels.requirements()) {
      FieldFilter pushed = toFilter(r);
      boolean exact = vocabulary.labelExact(r.key());
      // "!k" is checked in memory where labels are exact: an object shows no label k also when
      // storage holds k with an empty value or one that is no valid label value, and pushing the
      // requirement down would drop such rows that the selector selects.
      if (!(exact && r.operator() == LabelOperator.NOT_EXISTS)) {
        filters.add(pushed);
      }
      if (exact) {
        exactLabels.add(r);
      }
    }

    String start = params.get("start");
    String end = params.get("end");
    String window = params.get("window");
    Optional<String> namespace = pathNamespace;
    Optional<String> exactName = Optional.empty();
    List<FieldRequirement> memory = new ArrayList<>();
    for (FieldRequirement term : terms) {
      FieldSpec spec =
          vocabulary
              .field(term.key())
              .orElseThrow(
                  () -> new InvalidInputException("field label not supported: " + term.key()));
      switch (spec.role()) {
        case WINDOW -> window = windowTerm(term, "window", window);
        case START -> start = windowTerm(term, "start", start);
        case END -> end = windowTerm(term, "end", end);
        case NAME -> {
          checkValue(spec, term);
          memory.add(term);
          if (!term.negated()) {
            exactName = Optional.of(term.value());
          }
        }
        case NAMESPACE -> {
          checkValue(spec, term);
          memory.add(term);
          if (!term.negated() && namespace.isEmpty()) {
            namespace = Optional.of(term.value());
          }
        }
        case FILTER -> {
          checkValue(spec, term);
          memory.add(term);
          filters.add(
              new FieldFilter(
                  spec.storeKey(),
                  term.negated() ? FilterOperator.NOT_EQUALS : FilterOperator.EQUALS,
                  List.of(term.value())));
        }
      }
    }
    var resolved = TimeWindows.resolve(start, end, window, now, policy);
    String fingerprint =
        fingerprint(
            labels.toString(),
            terms.stream().map(FieldRequirement::toString).sorted().toList().toString(),
            params.get("start"),
            params.get("end"),
            params.get("window"));
    return new Selection(
        namespace,
        resolved,
        filters,
        exactName,
        new LabelSelector(exactLabels),
        memory,
        fingerprint);
  }

  private FieldFilter toFilter(LabelRequirement r) {
    vocabulary
        .labelProblem(r.key())
        .ifPresent(
            p -> {
              throw new InvalidInputException(p);
            });
    String key = vocabulary.storeKeyForLabel(r.key());
    if (!FieldKeys.isValid(key)) {
      throw new InvalidInputException(
          "label key \"" + r.key() + "\" cannot be used to select " + vocabulary.resource());
    }
    return switch (r.operator()) {
      case EQUALS -> new FieldFilter(key, FilterOperator.EQUALS, r.values());
      case NOT_EQUALS -> new FieldFilter(key, FilterOperator.NOT_EQUALS, r.values());
      case IN -> new FieldFilter(key, FilterOperator.IN, r.values());
      case NOT_IN -> new FieldFilter(key, FilterOperator.NOT_IN, r.values());
      case EXISTS, GREATER_THAN, LESS_THAN ->
          new FieldFilter(key, FilterOperator.EXISTS, List.of());
      case NOT_EXISTS -> new FieldFilter(key, FilterOperator.NOT_EXISTS, List.of());
    };
  }

  private static void checkValue(FieldSpec spec, FieldRequirement term) {
    spec.rule()
        .problem(term.value())
        .ifPresent(
            p -> {
              throw new InvalidInputException(
                  "invalid field selector value for " + term.key() + ": " + p);
            });
  }

  private static String windowTerm(FieldRequirement term, String key, String fromParam) {
    if (term.negated()) {
      throw new InvalidInputException("field selector " + key + " supports only '=', not '!='");
    }
    if (fromParam != null && !fromParam.equals(term.value())) {
      throw new InvalidInputException(
          key
              + " is given both as a query parameter ("
              + fromParam
              + ") and in the field selector ("
              + term.value()
              + ")");
    }
    return term.value();
  }

  private static String fingerprint(String... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String p : parts) {
        sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JRE", e);
    }
  }
}
