package io.kubetel.store.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small SELECT builder. Every fragment passed in is SQL built by kubetel code from allow-listed
 * identifiers, {@link Dialect} expressions and {@link SqlLiteral}s — never raw user text. WHERE and
 * HAVING conditions are ANDed; the statement ends in {@code FORMAT JSONEachRow} unless it is used
 * as a subquery.
 */
public final class Select {
  private final List<String> columns = new ArrayList<>();
  private String from;
  private final List<String> where = new ArrayList<>();
  private final List<String> groupBy = new ArrayList<>();
  private final List<String> having = new ArrayList<>();
  private final List<String> orderBy = new ArrayList<>();
  private Integer limit;
  private final Map<String, String> settings = new LinkedHashMap<>();

  private Select() {}

  /** Starts a SELECT of the given expressions (each may carry {@code AS alias}). */
  public static Select select(String... exprs) {
    Select s = new Select();
    s.columns.addAll(List.of(exprs));
    return s;
  }

  public Select column(String expr) {
    columns.add(expr);
    return this;
  }

  public Select columns(List<String> exprs) {
    columns.addAll(exprs);
    return this;
  }

  /** FROM a table ({@code db.table} from {@link Identifiers#table}) or a parenthesised subquery. */
  public Select from(String source) {
    this.from = source;
    return this;
  }

  /** Adds an ANDed WHERE condition. */
  public Select where(String condition) {
    where.add(condition);
    return this;
  }

  public Select where(List<String> conditions) {
    where.addAll(conditions);
    return this;
  }

  public Select groupBy(String... exprs) {
    groupBy.addAll(List.of(exprs));
    return this;
  }

  public Select groupBy(List<String> exprs) {
    groupBy.addAll(exprs);
    return this;
  }

  /** Adds an ANDed HAVING condition. */
  public Select having(String condition) {
    having.add(condition);
    return this;
  }

  public Select orderBy(String... exprs) {
    orderBy.addAll(List.of(exprs));
    return this;
  }

  public Select limit(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    this.limit = n;
    return this;
  }

  /** A per-query setting; {@code value} must be a literal rendered by {@link SqlLiteral}. */
  public Select setting(String name, String value) {
    if (!name.matches("[a-z_]+")) {
      throw new IllegalArgumentException("invalid setting name " + name);
    }
    settings.put(name, value);
    return this;
  }

  /** The statement without a FORMAT clause (for subqueries). */
  public String toSubquery() {
    if (columns.isEmpty() || from == null) {
      throw new IllegalStateException("SELECT needs columns and FROM");
    }
    StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", columns));
    sb.append(" FROM ").append(from);
    if (!where.isEmpty()) {
      sb.append(" WHERE ").append(joinAnd(where));
    }
    if (!groupBy.isEmpty()) {
      sb.append(" GROUP BY ").append(String.join(", ", groupBy));
    }
    if (!having.isEmpty()) {
      sb.append(" HAVING ").append(joinAnd(having));
    }
    if (!orderBy.isEmpty()) {
      sb.append(" ORDER BY ").append(String.join(", ", orderBy));
    }
    if (limit != null) {
      sb.append(" LIMIT ").append(limit);
    }
    if (!settings.isEmpty()) {
      sb.append(" SETTINGS ");
      List<String> kv = new ArrayList<>();
      settings.forEach((k, v) -> kv.add(k + " = " + v));
      sb.append(String.join(", ", kv));
    }
    return sb.toString();
  }

  /** The full statement, ending in {@code FORMAT JSONEachRow}. */
  public String toSql() {
    return toSubquery() + " FORMAT JSONEachRow";
  }

  private static String joinAnd(List<String> conditions) {
    if (conditions.size() == 1) {
      return conditions.get(0);
    }
    List<String> wrapped = new ArrayList<>();
    for (String c : conditions) {
      wrapped.add("(" + c + ")");
    }
    return String.join(" AND ", wrapped);
  }

  @Override
  public String toString() {
    return toSql();
  }
}
