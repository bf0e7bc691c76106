package io.kubetel.model.labels;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes rules for label keys and values (apimachinery's {@code IsQualifiedName} and {@code
 * IsValidLabelValue}), returning the same explanations kube-apiserver gives.
 */
public final class LabelSyntax {
  private static final String NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final Pattern NAME = Pattern.compile(NAME_FMT);
  private static final Pattern VALUE = Pattern.compile("(" + NAME_FMT + ")?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** Longest label value and key name part. */
  public static final int MAX_NAME = 63;

  /** Longest key prefix. */
  public static final int MAX_PREFIX = 253;

  private LabelSyntax() {}

  /** Why {@code key} is not a valid label key, or empty when it is. */
  public static Optional<String> keyProblem(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()) {
        return Optional.of("prefix part must be non-empty");
      }
      if (prefix.length() > MAX_PREFIX) {
        return Optional.of("prefix part must be no more than " + MAX_PREFIX + " characters");
      }
      if (!DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return Optional.of(
            "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                + " characters, '-' or '.', and must start and end with an alphanumeric character"
                + " (e.g. 'example.com')");
      }
    }
    if (name.isEmpty()) {
      return Optional.of("name part must be non-empty");
    }
    if (name.length() > MAX_NAME) {
      return Optional.of("name part must be no more than " + MAX_NAME + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and"
              + " end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')");
    }
    return Optional.empty();
  }

  /** Why {@code value} is not a valid label value, or empty when it is. */
  public static Optional<String> valueProblem(String value) {
    if (value.length() > MAX_NAME) {
      return Optional.of("must be no more than " + MAX_NAME + " characters");
    }
    if (!VALUE.matcher(value).matches()) {
      return Optional.of(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_'"
              + " or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',"
              + " or 'my_value', or '12345')");
    }
    return Optional.empty();
  }

  public static boolean isValidKey(String key) {
    return keyProblem(key).isEmpty();
  }

  public static boolean isValidValue(String value) {
    return valueProblem(value).isEmpty();
  }
}
