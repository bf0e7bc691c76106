package io.kubetel.model.query;

import static io.kubetel.model.query.QueryProblem.INVALID_DURATION;
import static io.kubetel.model.query.QueryProblem.INVALID_STEP;
import static io.kubetel.model.query.QueryProblem.INVALID_TIME;
import static io.kubetel.model.query.QueryProblem.INVALID_TIME_RANGE;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.model.window.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The time rules of a TelemetryQuery: {@code step}, {@code range}, {@code start} and {@code end}
 * each on their own, then how they fit together (a non-empty window of at most {@link
 * QueryLimits#MAX_RANGE}, a step that divides it into at most {@link QueryLimits#MAX_POINTS}).
 */
final class QueryTimeRules {

  /** The resolved window and step; either is null when it could not be resolved. */
  record Times(TimeWindow window, long stepSeconds) {}

  private QueryTimeRules() {}

  static Times resolve(TelemetryQuerySpec spec, Instant now, List<QueryProblem> out) {
    int before = out.size();
    Duration step = step(spec.getStep(), out);
    boolean stepOk = out.size() == before;
    before = out.size();
    Duration range = duration(spec.getRange(), "range", true, out);
    Instant start = time(spec.getStart(), "start", out);
    Instant end = time(spec.getEnd(), "end", out);
    if (out.size() > before) {
      return new Times(null, 0);
    }
    TimeWindow window = window(spec, start, end, range, now, out);
    return new Times(window, stepOk ? stepSeconds(spec.getStep(), step, window, out) : 0);
  }

  private static TimeWindow window(
      TelemetryQuerySpec spec,
      Instant start,
      Instant end,
      Duration range,
      Instant now,
      List<QueryProblem> out) {
    Instant e = end != null ? end : now;
    // range is ignored when start is given (see TelemetryQuerySpec.range).
    Instant s = start != null ? start : e.minus(range != null ? range : QueryLimits.DEFAULT_RANGE);
    if (!s.isBefore(e)) {
      if (end != null) {
        out.add(
            QueryProblem.invalid(INVALID_TIME_RANGE, "end", spec.getEnd(), "must be after start"));
      } else {
        out.add(
            QueryProblem.invalid(
                INVALID_TIME_RANGE,
                "start",
                spec.getStart(),
                "must be before end (now, " + now + ")"));
      }
      return null;
    }
    if (Duration.between(s, e).compareTo(QueryLimits.MAX_RANGE) > 0) {
      boolean absolute = start != null;
      out.add(
          QueryProblem.invalid(
              INVALID_TIME_RANGE,
              absolute ? "start" : "range",
              absolute ? spec.getStart() : spec.getRange(),
              "the time range is longer than the maximum of "
                  + Durations.format(QueryLimits.MAX_RANGE)));
      return null;
    }
    return new TimeWindow(s, e);
  }

  private static long stepSeconds(
      String text, Duration step, TimeWindow window, List<QueryProblem> out) {
    if (step == null) {
      if (window == null) {
        return 0;
      }
      long points = QueryLimits.DEFAULT_POINTS;
      return Math.max(1, (window.length().toSeconds() + points - 1) / points);
    }
    if (window != null) {
      if (step.compareTo(window.length()) > 0) {
        out.add(QueryProblem.invalid(INVALID_STEP, "step", text, "longer than the time range"));
      } else if (window.length().toSeconds() / step.toSeconds() > QueryLimits.MAX_POINTS) {
        out.add(
            QueryProblem.invalid(
                INVALID_STEP,
                "step",
                text,
                "gives more than "
                    + QueryLimits.MAX_POINTS
                    + " points per series over the time range; use a larger step"));
      }
    }
    return step.toSeconds();
  }

  /** The step on its own: a duration of whole seconds, at least {@link QueryLimits#MIN_STEP}. */
  private static Duration step(String text, List<QueryProblem> out) {
    // Zero passes the parser here so that the lower bound explains itself ("minimum of 1s").
    Duration step = duration(text, "step", false, out);
    if (step == null) {
      return null;
    }
    if (step.compareTo(QueryLimits.MIN_STEP) < 0) {
      out.add(
          QueryProblem.invalid(
              INVALID_DURATION,
              "step",
              text,
              "shorter than the minimum of " + Durations.format(QueryLimits.MIN_STEP)));
      return null;
    }
    if (step.toMillis() % 1000 != 0) {
      out.add(
          QueryProblem.invalid(
              INVALID_DURATION, "step", text, "must be a whole number of seconds"));
      return null;
    }
    return step;
  }

  /** The duration {@code text} denotes, null when it is absent or invalid (then reported). */
  private static Duration duration(
      String text, String field, boolean positive, List<QueryProblem> out) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return positive ? Durations.parsePositive(text, "") : Durations.parse(text, "");
    } catch (InvalidInputException e) {
      // The parser's message starts with the quoted input: "\"5 minutes\" is not a duration: ..."
      out.add(new QueryProblem(INVALID_DURATION, field, "Invalid value: " + e.getMessage()));
      return null;
    }
  }

  private static Instant time(String text, String field, List<QueryProblem> out) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      out.add(
          QueryProblem.invalid(
              INVALID_TIME, field, text, "not an RFC 3339 time such as 2026-11-25T10:00:00Z"));
      return null;
    }
  }
}
