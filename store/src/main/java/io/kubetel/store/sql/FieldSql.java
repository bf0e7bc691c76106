package io.kubetel.store.sql;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FieldKeys;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.Signal;
import io.kubetel.store.layout.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps field keys to SQL for one signal through an allow-list: well-known keys to columns or
 * Kubernetes resource attributes, {@code resource.<k>} to a resource attribute, any other key to a
 * record attribute. Renders {@link FieldFilter}s as conditions; negative operators also match when
 * the field is absent, like Kubernetes label selectors.
 */
public final class FieldSql {
  public static final String NAMESPACE_ATTR = "k8s.namespace.name";
  public static final String POD_ATTR = "k8s.pod.name";
  public static final String NODE_ATTR = "k8s.node.name";
  public static final String RESOURCE = "ResourceAttributes";

  private static final Map<Signal, Map<String, String>> COLUMNS =
      Map.of(
          Signal.METRICS,
          Map.of(FieldKeys.SERVICE, "ServiceName", FieldKeys.METRIC, "MetricName"),
          Signal.TRACES,
          Map.of(
              FieldKeys.SERVICE, "ServiceName",
              FieldKeys.TRACE_ID, "TraceId",
              FieldKeys.SPAN_ID, "SpanId",
              FieldKeys.STATUS, "StatusCode",
              FieldKeys.SPAN, "SpanName",
              FieldKeys.KIND, "SpanKind"),
          Signal.LOGS,
          Map.of(
              FieldKeys.SERVICE, "ServiceName",
              FieldKeys.SEVERITY, "SeverityText",
              FieldKeys.TRACE_ID, "TraceId",
              FieldKeys.SPAN_ID, "SpanId"));

  private static final Map<String, String> RESOURCE_KEYS =
      Map.of(
          FieldKeys.NAMESPACE, NAMESPACE_ATTR, FieldKeys.POD, POD_ATTR, FieldKeys.NODE, NODE_ATTR);

  private final Dialect dialect;
  private final Signal signal;

  public FieldSql(Dialect dialect, Signal signal) {
    this.dialect = dialect;
    this.signal = signal;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The record attribute column of the signal. */
  public String recordAttributes() {
    return switch (signal) {
      case METRICS -> "Attributes";
      case TRACES -> "SpanAttributes";
      case LOGS -> "LogAttributes";
    };
  }

  /** A resolved field: its value expression and its presence test. */
  public record Field(String value, String present, boolean column) {}

  /** Where a field's value lives: a column, a resource attribute or a record attribute. */
  public enum Source {
    COLUMN,
    RESOURCE,
    RECORD
  }

  /** A key's place: its source and the column or attribute name there. */
  public record Location(Source source, String name) {}

  /**
   * Where a key of this signal lives (the allow-list; also what the in-memory test store uses).
   * {@code type} is handled by the metrics reader (it selects tables), so it is not resolvable
   * here.
   *
   * @throws InvalidQueryException for an invalid key or a well-known key of another signal
   */
  public static Location locate(Signal signal, String key) {
    if (!FieldKeys.isValid(key)) {
      throw new InvalidQueryException(
          "invalid field key '" + key + "': must match [A-Za-z_][A-Za-z0-9_./-]{0,254}");
    }
    String column = COLUMNS.get(signal).get(key);
    if (column != null) {
      return new Location(Source.COLUMN, column);
    }
    String resourceKey = RESOURCE_KEYS.get(key);
    if (resourceKey == null && key.startsWith(FieldKeys.RESOURCE_PREFIX)) {
      resourceKey = key.substring(FieldKeys.RESOURCE_PREFIX.length());
      if (resourceKey.isEmpty()) {
        throw new InvalidQueryException("field key 'resource.' needs an attribute name");
      }
    }
    if (resourceKey != null) {
      return new Location(Source.RESOURCE, resourceKey);
    }
    if (FieldKeys.WELL_KNOWN.contains(key)) {
      throw new InvalidQueryException(
          "field '" + key + "' does not apply to " + signal.name().toLowerCase(Locale.ROOT));
    }
    return new Location(Source.RECORD, key);
  }

  /**
   * Resolves a key to SQL ({@link #locate}).
   *
   * @throws InvalidQueryException for an invalid key or a well-known key of another signal
   */
  public Field resolve(String key) {
    Location at = locate(signal, key);
    return switch (at.source()) {
      case COLUMN -> new Field(at.name(), at.name() + " != ''", true);
      case RESOURCE ->
          new Field(resourceValue(at.name()), dialect.hasAttr(RESOURCE, at.name()), false);
      case RECORD -> {
        String attrs = recordAttributes();
        yield new Field(dialect.attr(attrs, at.name()), dialect.hasAttr(attrs, at.name()), false);
      }
    };
  }

  /**
   * The value of a resource attribute: the logs table's materialized column when it has one (the
   * newest exporter's), else the map lookup. Metric and trace tables have none.
   */
  private String resourceValue(String key) {
    return signal == Signal.LOGS
        ? dialect.resourceAttr(Tables.LOGS, key)
        : dialect.attr(RESOURCE, key);
  }

  /** Value expression of the namespace ({@code k8s.namespace.name}). */
  public String namespace() {
    return resourceValue(NAMESPACE_ATTR);
  }

  /** Value expression of the pod ({@code k8s.pod.name}). */
  public String pod() {
    return resourceValue(POD_ATTR);
  }

  /** {@code namespace = 'ns'}. */
  public String namespaceIs(String namespace) {
    return namespace() + " = " + SqlLiteral.string(namespace);
  }

  /** The SQL condition for a filter. */
  public String condition(FieldFilter filter) {
    Field f = resolve(filter.key());
    List<String> values = filter.values();
    return switch (filter.operator()) {
      case EQUALS -> positive(f, " = " + SqlLiteral.string(values.get(0)));
      case NOT_EQUALS -> "NOT (" + positive(f, " = " + SqlLiteral.string(values.get(0))) + ")";
      case IN -> positive(f, " IN " + SqlLiteral.stringList(values));
      case NOT_IN -> "NOT (" + positive(f, " IN " + SqlLiteral.stringList(values)) + ")";
      case EXISTS -> f.present();
      case NOT_EXISTS -> "NOT (" + f.present() + ")";
    };
  }

  /**
   * The filter's positive form (EQUALS for NOT_EQUALS, IN for NOT_IN, EXISTS for NOT_EXISTS) and
   * whether the filter negates it; used where "any record matches" semantics need a subquery.
   */
  public static boolean isNegative(FieldFilter filter) {
    return switch (filter.operator()) {
      case NOT_EQUALS, NOT_IN, NOT_EXISTS -> true;
      default -> false;
    };
  }

  /** The positive form of a filter's condition. */
  public String positiveCondition(FieldFilter filter) {
    Field f = resolve(filter.key());
    List<String> values = filter.values();
    return switch (filter.operator()) {
      case EQUALS, NOT_EQUALS -> positive(f, " = " + SqlLiteral.string(values.get(0)));
      case IN, NOT_IN -> positive(f, " IN " + SqlLiteral.stringList(values));
      case EXISTS, NOT_EXISTS -> f.present();
    };
  }

  private static String positive(Field f, String comparison) {
    return f.column() ? f.value() + comparison : f.present() + " AND " + f.value() + comparison;
  }
}
