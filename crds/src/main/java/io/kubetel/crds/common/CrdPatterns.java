package io.kubetel.crds.common;

import io.kubetel.model.duration.Durations;

/** Regular expressions shared by the CRD schemas (kept in one place so they cannot drift). */
public final class CrdPatterns {

  /** A Kubernetes DNS-1123 label: namespaces, most object names. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** A Kubernetes DNS-1123 subdomain: Secret names and other object names. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A duration in the one kubetel grammar ({@link Durations}): integers with units ms, s, m, h, d,
   * w, e.g. {@code 30s}, {@code 1h30m}, {@code 2w}. Use with {@link #DURATION_MAX_LENGTH}.
   */
  public static final String DURATION = Durations.PATTERN;

  /** The {@code maxLength} of a duration field: with {@link #DURATION}, exactly the grammar. */
  public static final int DURATION_MAX_LENGTH = Durations.MAX_LENGTH;

  /**
   * CEL rule (on a duration string) rejecting zero durations such as {@code 0s} or {@code 0h0m}.
   */
  public static final String CEL_NOT_ZERO_DURATION = Durations.CEL_NOT_ZERO;

  /**
   * CEL rule (on a duration string) refusing durations shorter than one hour, such as {@code 1ms}
   * or {@code 59m}: the retention minimum.
   */
  public static final String CEL_AT_LEAST_ONE_HOUR = Durations.CEL_AT_LEAST_ONE_HOUR;

  /** A ClickHouse database name kubetel creates: lower-case identifier. */
  public static final String DATABASE = "^[a-z_][a-z0-9_]{0,62}$";

  private CrdPatterns() {}
}
