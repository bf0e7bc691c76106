package io.kubetel.store.query;

import io.kubetel.model.metrics.MetricType;
import io.kubetel.model.query.QueryCatalog;
import io.kubetel.model.query.Signal;
import io.kubetel.store.clickhouse.ReadContext;
import io.kubetel.store.clickhouse.Rows;
import io.kubetel.store.layout.Tables;
import io.kubetel.store.metrics.MetricTables;
import io.kubetel.store.schema.DatabaseTables;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import io.kubetel.store.sql.Select;
import io.kubetel.store.sql.SqlLiteral;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What exists in storage over the recent past (the last 24h), for validating queries. */
public final class ClickHouseQueryCatalog implements QueryCatalog {
  /** How far back "recent" reaches. */
  public static final Duration RECENT = Duration.ofHours(24);

  /** At most this many keys are returned. */
  public static final int MAX_KEYS = 1000;

  private final ReadContext ctx;
  private final Clock clock;

  public ClickHouseQueryCatalog(ReadContext ctx, Clock clock) {
    this.ctx = ctx;
    this.clock = clock;
  }

  /**
   * The catalog of a database whose tables are discovered on first use and again while some are
   * missing ({@link DatabaseTables}): what the operator keeps per tenant database.
   */
  public static QueryCatalog over(DatabaseTables tables, Clock clock) {
    return new QueryCatalog() {
      @Override
      public boolean metricExists(String metricName, Optional<String> namespace) {
        return new ClickHouseQueryCatalog(tables.context(), clock)
            .metricExists(metricName, namespace);
      }

      @Override
      public Set<String> attributeKeys(
          Signal signal, Optional<String> metricName, Optional<String> namespace) {
        return new ClickHouseQueryCatalog(tables.context(), clock)
            .attributeKeys(signal, metricName, namespace);
      }
    };
  }

  @Override
  public boolean metricExists(String metricName, Optional<String> namespace) {
    Dialect d = ctx.dialect();
    Instant now = clock.instant();
    for (MetricType type : MetricTables.present(ctx)) {
      Select s =
          Select.select("1 AS found")
              .from(ctx.table(MetricTables.of(type)))
              .where("MetricName = " + SqlLiteral.string(metricName))
              .where(d.timeAtLeast("TimeUnix", now.minus(RECENT)))
              .where(MetricTables.RECORDED);
      namespace.ifPresent(ns -> s.where(new FieldSql(d, Signal.METRICS).namespaceIs(ns)));
      if (!ctx.gateway().select(s.limit(1).toSql()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Distinct record attribute keys of one table since {@code since}, at most {@link #MAX_KEYS}. */
  private Select keysOf(
      String table, FieldSql fields, String time, Instant since, Optional<String> namespace) {
    Dialect d = ctx.dialect();
    Select s =
        Select.select("DISTINCT arrayJoin(" + d.keys(fields.recordAttributes()) + ") AS k")
            .from(ctx.table(table))
            .where(d.timeAtLeast(time, since))
            .limit(MAX_KEYS);
    namespace.ifPresent(ns -> s.where(fields.namespaceIs(ns)));
    return s;
  }

  @Override
  public Set<String> attributeKeys(
      Signal signal, Optional<String> metricName, Optional<String> namespace) {
    FieldSql fields = new FieldSql(ctx.dialect(), signal);
    Instant since = clock.instant().minus(RECENT);
    Set<String> keys = new TreeSet<>();
    if (signal != Signal.METRICS) {
      String table = signal == Signal.TRACES ? Tables.TRACES : Tables.LOGS;
      Select s = keysOf(table, fields, "Timestamp", since, namespace);
      ctx.gateway().select(s.toSql()).forEach(r -> keys.add(Rows.text(r, "k")));
      return keys;
    }
    for (MetricType type : MetricTables.present(ctx)) {
      Select s = keysOf(MetricTables.of(type), fields, "TimeUnix", since, namespace);
      s.where(MetricTables.RECORDED);
      metricName.ifPresent(m -> s.where("MetricName = " + SqlLiteral.string(m)));
      ctx.gateway().select(s.toSql()).forEach(r -> keys.add(Rows.text(r, "k")));
    }
    return keys;
  }
}
