package io.kubetel.alerting.evaluation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the two annotation templates AlertRules document, {@code {{ $value }}} and {@code {{
 * $labels.KEY }}} (KEY may contain dots, e.g. {@code http.route}); anything else stays as written,
 * so a typo shows up in the message instead of failing the evaluation.
 */
public final class Templates {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*\\$(value|labels\\.([A-Za-z_][A-Za-z0-9_./-]*))\\s*}}");

  private Templates() {}

  public static String render(String template, double value, Map<String, String> labels) {
    if (template == null || template.isEmpty()) {
      return "";
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(2) == null) {
        replacement = formatValue(value);
      } else {
        replacement = labels.getOrDefault(m.group(2), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A value as people read it: integers without decimals, others with up to 3. */
  public static String formatValue(double value) {
    if (Double.isNaN(value)) {
      return "no data";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "");
  }
}
