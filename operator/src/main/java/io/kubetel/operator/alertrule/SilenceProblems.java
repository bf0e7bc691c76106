package io.kubetel.operator.alertrule;

import io.kubetel.crds.alertrule.AlertSilence;
import io.kubetel.operator.query.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Checks an AlertRule's silences: RFC 3339 times, an end after the start. */
final class SilenceProblems {
  private SilenceProblems() {}

  static void check(List<AlertSilence> silences, List<Problem> out) {
    if (silences == null) {
      return;
    }
    for (int i = 0; i < silences.size(); i++) {
      AlertSilence s = silences.get(i);
      String at = "spec.silences[" + i + "]";
      Instant start = time(s.getStartsAt(), at + ".startsAt", out);
      Instant end = time(s.getEndsAt(), at + ".endsAt", out);
      if (start != null && end != null && !end.isAfter(start)) {
        out.add(new Problem("InvalidSilence", at + ".endsAt", "endsAt must be after startsAt"));
      }
    }
  }

  private static Instant time(String text, String field, List<Problem> out) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      out.add(
          new Problem(
              "InvalidSilence", field, "\"" + text + "\" is not an RFC 3339 time (UTC, with Z)"));
      return null;
    }
  }
}
