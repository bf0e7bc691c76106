package io.kubetel.store.sql;

import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import java.time.Instant;

/**
 * The layout for servers without Map/DateTime64 (e.g. 18.16): {@code Nested(key, value)}
 * attributes, {@code UInt64} nanosecond times. 18.16 has no toStartOfInterval, so buckets are
 * computed with integer division.
 */
final class CompatDialect implements Dialect {
  static final CompatDialect INSTANCE = new CompatDialect(TableShapes.NONE);

  // COMPAT tables are always kubetel's own: the shapes only say which exist and their names.
  private final TableShapes shapes;

  CompatDialect(TableShapes shapes) {
    this.shapes = shapes;
  }

  @Override
  public TableShapes shapes() {
    return shapes;
  }

  @Override
  public SchemaLayout layout() {
    return SchemaLayout.COMPAT;
  }

  @Override
  public String attr(String column, String key) {
    return column + ".value[indexOf(" + column + ".key, " + SqlLiteral.string(key) + ")]";
  }

  @Override
  public String hasAttr(String column, String key) {
    return "has(" + column + ".key, " + SqlLiteral.string(key) + ")";
  }

  @Override
  public String keys(String column) {
    return column + ".key";
  }

  @Override
  public String values(String column) {
    return column + ".value";
  }

  @Override
  public String nanos(String timeColumn) {
    return timeColumn;
  }

  @Override
  public String time(Instant t) {
    return SqlLiteral.number(SqlLiteral.nanos(t));
  }

  /**
   * The COMPAT tables created by this version sort by {@link Dialect#compatHourKey} of their time
   * column first, so a window prunes whole hours on 18.16, which uses a key column only when the
   * condition names the key expression itself. Harmless on tables created with the older keys.
   */
  @Override
  public java.util.List<String> timeKeyBounds(String column, Instant start, Instant end) {
    long hour = 3_600_000_000_000L;
    long first = Math.floorDiv(SqlLiteral.nanos(start), hour);
    long last = Math.floorDiv(SqlLiteral.nanos(end) - 1, hour);
    String key = Dialect.compatHourKey(column);
    return java.util.List.of(key + " >= " + first, key + " <= " + last);
  }

  @Override
  public String bucketSeconds(String timeColumn, long stepSeconds) {
    return "intDiv(" + timeColumn + ", " + (stepSeconds * 1_000_000_000L) + ") * " + stepSeconds;
  }

  @Override
  public String eventTimesNanos() {
    return "Events.Timestamp";
  }

  @Override
  public String eventAttrKeys() {
    return "Events.AttributesKeys";
  }

  @Override
  public String eventAttrValues() {
    return "Events.AttributesValues";
  }

  @Override
  public java.util.List<String> logKeyBounds(Instant start, Instant end) {
    return java.util.List.of(); // Timestamp itself is the key
  }

  @Override
  public String traceIndexStartNanos() {
    return "Start";
  }

  @Override
  public String traceIndexEndNanos() {
    return "End";
  }
}
