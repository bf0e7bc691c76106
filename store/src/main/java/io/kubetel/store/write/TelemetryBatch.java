package io.kubetel.store.write;

import io.kubetel.store.metrics.MetricTables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Telemetry to write, in OTel terms and independent of the table layout. Used by the sample
 * generator and tests; {@link TelemetryWriter} turns it into rows of either layout. Every metric
 * point carries the exporter's {@code flags}: 0 for a measurement, {@link #NO_RECORDED_VALUE} for a
 * staleness marker (the constructors without {@code flags} write 0).
 */
public final class TelemetryBatch {
  /** The {@code flags} of a point that has no recorded value (a staleness marker). */
  public static final int NO_RECORDED_VALUE = MetricTables.NO_RECORDED_VALUE;

  /** What every metric point has: the columns all metric tables share. */
  public interface MetricPoint {
    Map<String, String> resource();

    String service();

    String metric();

    String unit();

    String description();

    Map<String, String> attributes();

    /** The start of the point's aggregation window (a gauge's is its own time). */
    Instant start();

    Instant time();

    int flags();
  }

  /** A gauge point. */
  public record Gauge(
      Map<String, String> resource,
      String service,
      String metric,
      String unit,
      String description,
      Map<String, String> attributes,
      Instant time,
      double value,
      int flags)
      implements MetricPoint {
    /** A gauge has no aggregation window: its start is its time. */
    @Override
    public Instant start() {
      return time;
    }

    public Gauge(
        Map<String, String> resource,
        String service,
        String metric,
        String unit,
        String description,
        Map<String, String> attributes,
        Instant time,
        double value) {
      this(resource, service, metric, unit, description, attributes, time, value, 0);
    }
  }

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
      boolean monotonic,
      int flags)
      implements MetricPoint {
    public Sum(
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
        boolean monotonic) {
      this(
          resource,
          service,
          metric,
          unit,
          description,
          attributes,
          start,
          time,
          value,
          temporality,
          monotonic,
          0);
    }
  }

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
      int temporality,
      int flags)
      implements MetricPoint {
    public Histogram(
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
        int temporality) {
      this(
          resource,
          service,
          metric,
          unit,
          description,
          attributes,
          start,
          time,
          count,
          sum,
          bucketCounts,
          bounds,
          min,
          max,
          temporality,
          0);
    }
  }

  /**
   * The buckets of an exponential histogram point, as OTel and the exporter hold them: at {@code
   * scale} the bucket with index {@code i} counts values in {@code (base^i, base^(i+1)]}, {@code
   * base = 2^(2^-scale)}; {@code positive.get(k)} is bucket {@code positiveOffset + k}; negative
   * values are counted by their absolute value from {@code negativeOffset}.
   */
  public record ExpBuckets(
      int scale,
      long zeroCount,
      int positiveOffset,
      List<Long> positive,
      int negativeOffset,
      List<Long> negative) {}

  /** An exponential histogram point; temporality 1 = delta, 2 = cumulative. */
  public record ExponentialHistogram(
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
      ExpBuckets buckets,
      double min,
      double max,
      int temporality,
      int flags)
      implements MetricPoint {}

  /** One quantile a summary point recorded: level in [0, 1] and value. */
  public record ValueAtQuantile(double quantile, double value) {}

  /** A summary point (cumulative count and sum since {@code start}, quantiles as computed). */
  public record Summary(
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
      List<ValueAtQuantile> quantiles,
      int flags)
      implements MetricPoint {}

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
  public final List<ExponentialHistogram> exponentialHistograms = new ArrayList<>();
  public final List<Summary> summaries = new ArrayList<>();
  public final List<Span> spans = new ArrayList<>();
  public final List<Log> logs = new ArrayList<>();

  /** Whether a point's flags mark it as having no recorded value. */
  public static boolean noRecordedValue(int flags) {
    return (flags & NO_RECORDED_VALUE) != 0;
  }

  /** Number of records of every kind. */
  public int size() {
    return gauges.size()
        + sums.size()
        + histograms.size()
        + exponentialHistograms.size()
        + summaries.size()
        + spans.size()
        + logs.size();
  }
}
