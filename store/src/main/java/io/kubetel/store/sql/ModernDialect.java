package io.kubetel.store.sql;

import io.kubetel.store.layout.SchemaLayout;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The OTel exporter layout: {@code Map} attributes, {@code DateTime64(9)} times. */
final class ModernDialect implements Dialect {
  static final ModernDialect INSTANCE = new ModernDialect();

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

  private ModernDialect() {}

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
