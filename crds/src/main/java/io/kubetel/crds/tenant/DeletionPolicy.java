package io.kubetel.crds.tenant;

/** What deleting a TelemetryTenant does to its ClickHouse database. */
public enum DeletionPolicy {
  /** Keep the database and its data (default): deleting a CR never loses data by accident. */
  Retain,
  /** Drop the database. */
  Delete
}
