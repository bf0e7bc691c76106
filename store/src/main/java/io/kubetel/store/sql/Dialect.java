package io.kubetel.store.sql;

import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.layout.TableShapes;
import java.time.Instant;

/**
 * How one {@link SchemaLayout} spells attribute access, time values and time bucketing. Column
 * arguments are kubetel constants (e.g. {@code Attributes}, {@code TimeUnix}); keys are user data
 * and are always rendered with {@link SqlLiteral}.
 */
public interface Dialect {

  /** The dialect for a layout. */
  static Dialect of(SchemaLayout layout) {
    return layout == SchemaLayout.MODERN ? ModernDialect.INSTANCE : CompatDialect.INSTANCE;
  }

  /**
   * The dialect for a layout and the tables discovered in the database (COMPAT tables are always
   * kubetel's own, so only MODERN SQL follows the discovered column types; both follow the names).
   */
  static Dialect of(SchemaLayout layout, TableShapes shapes) {
    return layout == SchemaLayout.MODERN ? new ModernDialect(shapes) : new CompatDialect(shapes);
  }

  SchemaLayout layout();

  /** The tables this dialect's SQL is for: their names, which exist, and their columns. */
  TableShapes shapes();

  /**
   * The value of resource attribute {@code key} in a role's table: its materialized column when the
   * table has one (the newest logs table's {@code __otel_materialized_k8s.*}, much cheaper than the
   * map lookup), else the map lookup.
   */
  default String resourceAttr(String role, String key) {
    return shapes()
        .materialized(role, key)
        .map(c -> "`" + c + "`")
        .orElseGet(() -> attr("ResourceAttributes", key));
  }

  /** The value of attribute {@code key} in an attribute column; '' when absent. */
  String attr(String column, String key);

  /** Whether the attribute column holds {@code key}. */
  String hasAttr(String column, String key);

  /** The keys of an attribute column as {@code Array(String)}. */
  String keys(String column);

  /** The values of an attribute column as {@code Array(String)}, parallel to {@link #keys}. */
  String values(String column);

  /** A time column read as nanoseconds since the epoch (an integer). */
  String nanos(String timeColumn);

  /** A literal of the time column's type for {@code t}. */
  String time(Instant t);

  /** The bucket start, in whole epoch seconds, of a time column for a step of {@code seconds}. */
  String bucketSeconds(String timeColumn, long stepSeconds);

  /** Span event times as {@code Array} of nanoseconds. */
  String eventTimesNanos();

  /** Span event attribute keys as {@code Array(Array(String))}. */
  String eventAttrKeys();

  /** Span event attribute values as {@code Array(Array(String))}. */
  String eventAttrValues();

  /** The trace-id index's first span time, as nanoseconds (rounded down to what it stores). */
  String traceIndexStartNanos();

  /** The trace-id index's last span time, as nanoseconds (rounded up to what it stores). */
  String traceIndexEndNanos();

  /**
   * Extra conditions on {@code otel_logs} that let the server prune by its primary key for {@code
   * [start, end)}: MODERN logs are keyed by the second-precision {@code TimestampTime}.
   */
  java.util.List<String> logKeyBounds(Instant start, Instant end);

  /** {@code column >= t}. */
  default String timeAtLeast(String column, Instant t) {
    return column + " >= " + time(t);
  }

  /**
   * Extra conditions on the sort key's time bucket that imply {@code start <= column < end}, for
   * servers that cannot prune a key like {@code (bucket(column), ...)} from a condition on {@code
   * column} itself; empty where the server can (or the key has no such bucket).
   */
  default java.util.List<String> timeKeyBounds(String column, Instant start, Instant end) {
    return java.util.List.of();
  }

  /**
   * The hour of a nanosecond time column as the COMPAT tables' sort keys spell it (the first key
   * column of the tables this version creates).
   */
  static String compatHourKey(String nanosColumn) {
    return "intDiv(" + nanosColumn + ", 3600000000000)";
  }

  /** {@code column < t}. */
  default String timeBefore(String column, Instant t) {
    return column + " < " + time(t);
  }

  /**
   * A canonical, layout-independent string of an attribute column: {@code k=v} pairs sorted and
   * joined by the unit separator. Both layouts produce the same string for the same attributes, so
   * fingerprints are the same.
   */
  default String canonicalAttrs(String column) {
    return "arrayStringConcat(arraySort(arrayMap((k, v) -> concat(k, '=', v), "
        + keys(column)
        + ", "
        + values(column)
        + ")), '\\x1f')";
  }
}
