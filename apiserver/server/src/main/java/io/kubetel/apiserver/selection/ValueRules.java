package io.kubetel.apiserver.selection;

import io.kubetel.model.metrics.MetricNames;
import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.text.Printable;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Value rules for the well-known selector fields. Storage escapes every value anyway; these rules
 * exist so that a typo or a pasted SQL fragment gets a precise 400 instead of an empty result.
 */
public final class ValueRules {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern SERVICE_CHARS = Pattern.compile("[A-Za-z0-9._:/@-]+");
  private static final Pattern HEX32 = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern HEX16 = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SEVERITY = Pattern.compile("[A-Za-z0-9]{1,32}");

  private static final String NOT_DNS_LABEL =
      "is not a valid RFC 1123 label: use lowercase letters, digits and '-',"
          + " starting and ending with a letter or digit";
  private static final String NOT_DNS_SUBDOMAIN =
      "is not a valid RFC 1123 subdomain: use lowercase letters, digits, '-' and '.',"
          + " starting and ending with a letter or digit";

  /** Kubernetes namespace: an RFC 1123 label. */
  public static final ValueRule NAMESPACE =
      v -> matching(v, "namespace", DNS_LABEL, 63, NOT_DNS_LABEL);

  /** Pod name: an RFC 1123 subdomain. */
  public static final ValueRule POD =
      v -> matching(v, "pod name", DNS_SUBDOMAIN, 253, NOT_DNS_SUBDOMAIN);

  /** Object name (metadata.name): an RFC 1123 subdomain. */
  public static final ValueRule OBJECT_NAME =
      v -> matching(v, "object name", DNS_SUBDOMAIN, 253, NOT_DNS_SUBDOMAIN);

  /** OTel service name: letters, digits and {@code . _ : / @ -}. */
  public static final ValueRule SERVICE =
      v ->
          matching(
              v,
              "service name",
              SERVICE_CHARS,
              255,
              "contains characters other than letters, digits and . _ : / @ -");

  /** OTel metric name: the model's rule, shared with TelemetryQuery validation. */
  public static final ValueRule METRIC = MetricNames::problem;

  /** Metric type display name: one of the model's five types. */
  public static final ValueRule METRIC_TYPE =
      oneOf(
          "metric type",
          Arrays.stream(MetricType.values())
              .map(MetricType::displayName)
              .collect(Collectors.toSet()));

  /** Trace status. */
  public static final ValueRule TRACE_STATUS =
      oneOf("trace status", Set.of("Ok", "Error", "Unset"));

  /** Log severity text, e.g. ERROR or Info. */
  public static final ValueRule SEVERITY_TEXT =
      v ->
          SEVERITY.matcher(v).matches()
              ? Optional.empty()
              : Optional.of(
                  "severity \""
                      + printable(v)
                      + "\" must be 1 to 32 letters or digits (e.g. ERROR, Warn, INFO)");

  /** Trace id: 32 lowercase hex digits. */
  public static final ValueRule TRACE_ID =
      v ->
          HEX32.matcher(v).matches()
              ? Optional.empty()
              : Optional.of("trace id \"" + printable(v) + "\" must be 32 lowercase hex digits");

  /** Span id: 16 lowercase hex digits. */
  public static final ValueRule SPAN_ID =
      v ->
          HEX16.matcher(v).matches()
              ? Optional.empty()
              : Optional.of("span id \"" + printable(v) + "\" must be 16 lowercase hex digits");

  /** Span name: free text (span names contain spaces, e.g. "GET /cart"), no control characters. */
  public static final ValueRule SPAN_NAME =
      v -> {
        if (v.isEmpty() || v.length() > 1024) {
          return Optional.of("span name must be 1 to 1024 characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
          return Optional.of("span name must not contain control characters");
        }
        return Optional.empty();
      };

  private ValueRules() {}

  /**
   * The common mistakes, then the length, then {@code pattern}: the first that fails names the
   * problem; a pattern failure reads {@code what "value" mismatch}.
   */
  private static Optional<String> matching(
      String v, String what, Pattern pattern, int max, String mismatch) {
    Optional<String> common = commonProblem(v, what);
    if (common.isPresent()) {
      return common;
    }
    if (v.length() > max) {
      return Optional.of(what + " must be no more than " + max + " characters");
    }
    if (!pattern.matcher(v).matches()) {
      return Optional.of(what + " \"" + printable(v) + "\" " + mismatch);
    }
    return Optional.empty();
  }

  /** The mistakes worth naming precisely: emptiness, quotes, whitespace, SQL-looking text. */
  private static Optional<String> commonProblem(String v, String what) {
    if (v.isEmpty()) {
      return Optional.of(what + " must not be empty");
    }
    if (v.indexOf('\'') >= 0 || v.indexOf('"') >= 0 || v.indexOf('`') >= 0) {
      return Optional.of(what + " \"" + printable(v) + "\" must not contain quotes");
    }
    if (v.chars().anyMatch(Character::isWhitespace)) {
      return Optional.of(what + " \"" + printable(v) + "\" must not contain spaces");
    }
    if (v.contains(";") || v.contains("--") || v.contains("/*") || v.contains("(")) {
      return Optional.of(
          what + " \"" + printable(v) + "\" looks like SQL (contains ; -- /* or parentheses)");
    }
    return Optional.empty();
  }

  private static ValueRule oneOf(String what, Set<String> allowed) {
    return v ->
        allowed.contains(v)
            ? Optional.empty()
            : Optional.of(
                what
                    + " \""
                    + printable(v)
                    + "\" must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
  }

  /** The value cut to a readable length with control characters replaced, for messages. */
  static String printable(String v) {
    return Printable.of(v);
  }
}
