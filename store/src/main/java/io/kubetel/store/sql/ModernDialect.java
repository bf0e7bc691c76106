package io.kubetel.store.sql;

import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The OTel exporter layout: {@code Map} attributes, {@code DateTime64(9)} times, adjusted to the
 * exporter generation the tables were discovered to be ({@link TableShapes}).
 */
final class ModernDialect implements Dialect {
  static final ModernDialect INSTANCE = new ModernDialect(TableShapes.NONE);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

  private final TableShapes shapes;

  ModernDialect(TableShapes shapes) {
    this.shapes = shapes;
  }

  @Override
  public TableShapes shapes() {
    return shapes;
  }

  @Override
  public SchemaLayout layout() {
    return SchemaLayout.MODERN;
  }

  @Override
  public String attr(String column, String key) {
    return column + "[" + SqlLiteral.string(key) + "]";
  }

  @Override
  public String hasAttr(String column, String key) {
    return "mapContains(" + column + ", " + SqlLiteral.string(key) + ")";
  }

  @Override
  public String keys(String column) {
    return "mapKeys(" + column + ")";
  }

  @Override
  public String values(String column) {
    return "mapValues(" + column + ")";
  }

  @Override
  public String nanos(String timeColumn) {
    // The current exporter's metric times are DateTime (seconds), which toUnixTimestamp64Nano
    // rejects; older generations and kubetel's own DDL use DateTime64(9).
    if (shapes.isSeconds(timeColumn)) {
      return "(toInt64(toUnixTimestamp(" + timeColumn + ")) * 1000000000)";
    }
    return "toUnixTimestamp64Nano(" + timeColumn + ")";
  }

  @Override
  public String time(Instant t) {
    return "toDateTime64(" + SqlLiteral.string(TIME.format(t)) + ", 9, 'UTC')";
  }

  @Override
  public String bucketSeconds(String timeColumn, long stepSeconds) {
    return "toUnixTimestamp(toStartOfInterval("
        + timeColumn
        + ", INTERVAL "
        + stepSeconds
        + " SECOND, 'UTC'))";
  }

  @Override
  public String eventTimesNanos() {
    return "arrayMap(t -> toUnixTimestamp64Nano(t), Events.Timestamp)";
  }

  @Override
  public String eventAttrKeys() {
    return "arrayMap(m -> mapKeys(m), Events.Attributes)";
  }

  @Override
  public String eventAttrValues() {
    return "arrayMap(m -> mapValues(m), Events.Attributes)";
  }

  @Override
  public java.util.List<String> logKeyBounds(Instant start, Instant end) {
    if (!shapes.logsHaveTimestampTime()) {
      // The newest logs table has no TimestampTime; its key (toStartOfFiveMinutes(Timestamp), ...)
      // is used by the Timestamp bounds themselves.
      return java.util.List.of();
    }
    long endSecond = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0);
    return java.util.List.of(
        "TimestampTime >= toDateTime(" + start.getEpochSecond() + ", 'UTC')",
        "TimestampTime <= toDateTime(" + endSecond + ", 'UTC')");
  }

  @Override
  public String traceIndexStartNanos() {
    return "toUInt64(toUnixTimestamp(Start)) * 1000000000";
  }

  @Override
  public String traceIndexEndNanos() {
    return "(toUInt64(toUnixTimestamp(End)) + 1) * 1000000000";
  }
}
