package io.kubetel.store.layout;

/**
 * The physical table layout, chosen from the server version. Both use the OTel exporter's table and
 * column names.
 */
public enum SchemaLayout {
  /**
   * The OTel Collector ClickHouse exporter's exact layout: {@code Map} attributes and {@code
   * DateTime64(9)} times. Needs ClickHouse with Map and DateTime64 (21.8+).
   */
  MODERN,
  /**
   * For older servers (e.g. 18.16): attributes as {@code Nested(key, value)} arrays and times as
   * {@code UInt64} nanoseconds since the epoch, so nanosecond time is kept exactly. See
   * docs/storage.md.
   */
  COMPAT
}
