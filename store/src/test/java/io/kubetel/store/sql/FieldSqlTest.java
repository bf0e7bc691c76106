package io.kubetel.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.filter.FieldFilter;
import io.kubetel.model.filter.FilterOperator;
import io.kubetel.model.query.InvalidQueryException;
import io.kubetel.model.query.Signal;
import io.kubetel.store.layout.SchemaLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-key to SQL mapping: allow-listed columns, attributes and all six operators. */
class FieldSqlTest {
  final FieldSql compatLogs = new FieldSql(Dialect.of(SchemaLayout.COMPAT), Signal.LOGS);
  final FieldSql modernTraces = new FieldSql(Dialect.of(SchemaLayout.MODERN), Signal.TRACES);

  @Test
  void everyOperatorOnACompatAttribute() {
    String has = "has(LogAttributes.key, 'k')";
    String v = "LogAttributes.value[indexOf(LogAttributes.key, 'k')]";
    assertThat(compatLogs.condition(FieldFilter.eq("k", "a")))
        .isEqualTo(has + " AND " + v + " = 'a'");
    assertThat(compatLogs.condition(new FieldFilter("k", FilterOperator.NOT_EQUALS, List.of("a"))))
        .isEqualTo("NOT (" + has + " AND " + v + " = 'a')");
    assertThat(compatLogs.condition(new FieldFilter("k", FilterOperator.IN, List.of("a", "b"))))
        .isEqualTo(has + " AND " + v + " IN ('a', 'b')");
    assertThat(compatLogs.condition(new FieldFilter("k", FilterOperator.NOT_IN, List.of("a"))))
        .isEqualTo("NOT (" + has + " AND " + v + " IN ('a'))");
    assertThat(compatLogs.condition(new FieldFilter("k", FilterOperator.EXISTS, List.of())))
        .isEqualTo(has);
    assertThat(compatLogs.condition(new FieldFilter("k", FilterOperator.NOT_EXISTS, List.of())))
        .isEqualTo("NOT (" + has + ")");
  }

  @Test
  void wellKnownKeysMapToColumnsAndResourceAttributes() {
    assertThat(modernTraces.condition(FieldFilter.eq("service", "cart")))
        .isEqualTo("ServiceName = 'cart'");
    assertThat(modernTraces.condition(FieldFilter.eq("kind", "Server")))
        .isEqualTo("SpanKind = 'Server'");
    assertThat(modernTraces.condition(FieldFilter.eq("namespace", "shop")))
        .isEqualTo(
            "mapContains(ResourceAttributes, 'k8s.namespace.name') AND ResourceAttributes['k8s.namespace.name'] = 'shop'");
    assertThat(modernTraces.condition(FieldFilter.eq("resource.team", "x")))
        .isEqualTo("mapContains(ResourceAttributes, 'team') AND ResourceAttributes['team'] = 'x'");
    assertThat(modernTraces.condition(FieldFilter.eq("http.route", "/a'")))
        .isEqualTo(
            "mapContains(SpanAttributes, 'http.route') AND SpanAttributes['http.route'] = '/a\\''");
    assertThat(compatLogs.condition(FieldFilter.eq("severity", "WARN")))
        .isEqualTo("SeverityText = 'WARN'");
  }

  @Test
  void rejectsKeysOfOtherSignalsAndInvalidKeys() {
    assertThatThrownBy(() -> compatLogs.condition(FieldFilter.eq("span", "x")))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("does not apply to logs");
    assertThatThrownBy(() -> compatLogs.condition(FieldFilter.eq("a'b", "x")))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> compatLogs.condition(FieldFilter.eq("resource.", "x")))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void databaseAndTableNamesAreValidated() {
    assertThat(Identifiers.database("otel_1")).isEqualTo("otel_1");
    for (String bad : new String[] {"", "1a", "a-b", "a;b", "a b", "x".repeat(64), null}) {
      assertThatThrownBy(() -> Identifiers.database(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String bad : new String[] {"a;b", "t`x", "a.b", "1t", "", "x".repeat(192)}) {
      assertThatThrownBy(() -> Identifiers.table("otel", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(Identifiers.table("otel", "app_logs")).isEqualTo("otel.app_logs");
  }

  @Test
  void compatBucketsUseIntegerDivision() {
    assertThat(Dialect.of(SchemaLayout.COMPAT).bucketSeconds("TimeUnix", 60))
        .isEqualTo("intDiv(TimeUnix, 60000000000) * 60");
  }
}
