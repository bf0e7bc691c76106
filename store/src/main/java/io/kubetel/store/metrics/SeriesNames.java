package io.kubetel.store.metrics;

import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Object names of metric series: the sanitized metric name, {@code -}, and 10 hex digits of a
 * fingerprint of the series identity (namespace, metric name, service, pod, sorted attributes). The
 * fingerprint is computed in SQL ({@link #fingerprintSql}) so get-by-name can find the series by
 * filtering on it; names are valid DNS subdomains.
 */
public final class SeriesNames {
  /** Length of the fingerprint part. */
  public static final int FINGERPRINT_LENGTH = 10;

  private static final int MAX_PREFIX = 200;
  private static final Pattern FINGERPRINT =
      Pattern.compile("[0-9a-f]{" + FINGERPRINT_LENGTH + "}");

  private SeriesNames() {}

  /** A parsed series name. */
  public record Parsed(String prefix, String fingerprint) {}

  /**
   * The DNS-safe form of a metric name: lowercase, characters outside {@code [a-z0-9.-]} become
   * {@code -}, each dot-separated label trimmed to alphanumeric ends, at most 200 characters.
   */
  public static String sanitize(String metricName) {
    String lower = metricName == null ? "" : metricName.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ? c : '-');
    }
    String s = cleanLabels(sb.toString());
    if (s.length() > MAX_PREFIX) {
      s = cleanLabels(s.substring(0, MAX_PREFIX));
    }
    return s.isEmpty() ? "metric" : s;
  }

  private static String cleanLabels(String s) {
    List<String> labels = new ArrayList<>();
    for (String label : s.split("\\.", -1)) {
      String t = label.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
      if (!t.isEmpty()) {
        labels.add(t);
      }
    }
    return String.join(".", labels);
  }

  /** The object name of the series. */
  public static String name(String metricName, String fingerprint) {
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw new IllegalArgumentException("fingerprint must be 10 lowercase hex digits");
    }
    return sanitize(metricName) + "-" + fingerprint;
  }

  /** Splits a name into prefix and fingerprint; empty when it cannot be a series name. */
  public static Optional<Parsed> parse(String name) {
    if (name == null || name.length() < FINGERPRINT_LENGTH + 2) {
      return Optional.empty();
    }
    int dash = name.length() - FINGERPRINT_LENGTH - 1;
    String fp = name.substring(dash + 1);
    if (name.charAt(dash) != '-' || !FINGERPRINT.matcher(fp).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(name.substring(0, dash), fp));
  }

  /**
   * SQL computing the fingerprint of a row of a metric table: the first 10 hex digits of sipHash128
   * over namespace, metric name, service, pod and the sorted attributes, joined by the unit
   * separator. Same value in both layouts.
   */
  public static String fingerprintSql(Dialect dialect) {
    FieldSql f = new FieldSql(dialect, io.kubetel.model.query.Signal.METRICS);
    return "substring(lower(hex(sipHash128(concat("
        + f.namespace()
        + ", '\\x1f', MetricName, '\\x1f', ServiceName, '\\x1f', "
        + f.pod()
        + ", '\\x1f', "
        + dialect.canonicalAttrs("Attributes")
        + ")))), 1, "
        + FINGERPRINT_LENGTH
        + ")";
  }
}
