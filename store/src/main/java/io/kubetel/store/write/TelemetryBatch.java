package io.kubetel.store.write;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Telemetry to write, in OTel terms and independent of the table layout. Used by the sample
 * generator and tests; {@link TelemetryWriter} turns it into rows of either layout.
 */
public final class TelemetryBatch {
  /** A gauge point. */
  public record Gauge(
      Map<String, String> resource,
      String service,
      String metric,
      String unit,
      String description,
      Map<String, String> attributes,
      Instant time,
      double value) {}

  /** A sum point; temporality 1 = delta, 2 = cumulative. */
  public record Sum(
      Map<String, String> resource,
      String service,
      String metric,
      String unit,
      String description,
      Map<String, String> attributes,
      Instant start,
      Instant time,
      double value,
      int temporality,
      boolean monotonic) {}

  /** An explicit-bounds histogram point ({@code bucketCounts.size() == bounds.size() + 1}). */
  public record Histogram(
      Map<String, String> resource,
      String service,
      String metric,
      String unit,
      String description,
      Map<String, String> attributes,
      Instant start,
      Instant time,
      long count,
      double sum,
      List<Long> bucketCounts,
      List<Double> bounds,
      double min,
      double max,
      int temporality) {}

  /** A span event. */
  public record Event(Instant time, String name, Map<String, String> attributes) {}

  /** A span. */
  public record Span(
      Map<String, String> resource,
      String service,
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      Instant start,
      long durationNanos,
      String statusCode,
      String statusMessage,
      Map<String, String> attributes,
      List<Event> events) {}

  /**
   * A log record.
   *
   * @param eventName the OTel event name ({@code EventName}, written only where the table has it);
   *     empty for a plain log record
   */
  public record Log(
      Map<String, String> resource,
      String service,
      Instant time,
      String traceId,
      String spanId,
      String severityText,
      int severityNumber,
      String body,
      Map<String, String> attributes,
      String eventName) {

    /** A plain log record (no event name). */
    public Log(
        Map<String, String> resource,
        String service,
        Instant time,
        String traceId,
        String spanId,
        String severityText,
        int severityNumber,
        String body,
        Map<String, String> attributes) {
      this(
          resource,
          service,
          time,
          traceId,
          spanId,
          severityText,
          severityNumber,
          body,
          attributes,
          "");
    }
  }

  public final List<Gauge> gauges = new ArrayList<>();
  public final List<Sum> sums = new ArrayList<>();
  public final List<Histogram> histograms = new ArrayList<>();
  public final List<Span> spans = new ArrayList<>();
  public final List<Log> logs = new ArrayList<>();

  /** Number of records of every kind. */
  public int size() {
    return gauges.size() + sums.size() + histograms.size() + spans.size() + logs.size();
  }
}
