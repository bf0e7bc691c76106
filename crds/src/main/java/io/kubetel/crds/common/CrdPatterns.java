package io.kubetel.crds.common;

import io.kubetel.model.query.TelemetryQuerySpec;

/** Regular expressions shared by the CRD schemas (kept in one place so they cannot drift). */
public final class CrdPatterns {

  /** A Kubernetes DNS-1123 label: namespaces, most object names. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  /** A Kubernetes DNS-1123 subdomain: Secret names and other object names. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * A duration as kubetel writes them everywhere (queries, CRDs): numbers with units ms, s, m, h,
   * d, e.g. {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 7d}. Parsed by {@link KubetelDuration}.
   */
  public static final String DURATION = TelemetryQuerySpec.DURATION_PATTERN;

  /**
   * CEL rule (on a duration string) rejecting zero durations such as {@code 0s} or {@code 0h0m}.
   */
  public static final String CEL_NOT_ZERO_DURATION = "!self.matches('^(0+(ms|s|m|h|d))+$')";

  /** A ClickHouse database name kubetel creates: lower-case identifier. */
  public static final String DATABASE = "^[a-z_][a-z0-9_]{0,62}$";

  private CrdPatterns() {}
}
