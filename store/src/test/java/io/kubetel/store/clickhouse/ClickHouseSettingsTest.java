package io.kubetel.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.store.layout.TableNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each {@code with*} copy changes only its own fields and is validated like a new record. */
class ClickHouseSettingsTest {
  private final ClickHouseSettings base = ClickHouseSettings.of("http://ch:8123", "otel");

  @Test
  void everyCopyChangesOnlyItsFields() {
    ClickHouseSettings s =
        base.withDatabase("tenant_a")
            .withCredentials("reader", "secret")
            .withLimits(Duration.ofSeconds(7), 10, 20)
            .withMaxResponseBytes(1234)
            .withMaxMemoryUsage(5678)
            .withTables(TableNames.DEFAULTS);
    assertThat(s)
        .isEqualTo(
            new ClickHouseSettings(
                "http://ch:8123",
                "reader",
                "secret",
                "tenant_a",
                ClickHouseSettings.DEFAULT_CONNECT_TIMEOUT,
                Duration.ofSeconds(7),
                10,
                20,
                TableNames.DEFAULTS,
                1234,
                5678));
    assertThat(base.withDatabase("x").withDatabase("otel")).isEqualTo(base);
    assertThat(s.toString()).doesNotContain("secret");
  }

  @Test
  void copiesAreValidated() {
    assertThatThrownBy(() -> base.withDatabase("bad-name;")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> base.withLimits(Duration.ZERO, 1, 1))
        .hasMessageContaining("maxExecutionTime");
    assertThatThrownBy(() -> base.withMaxResponseBytes(0)).hasMessageContaining("maxResponseBytes");
    assertThatThrownBy(() -> base.withMaxMemoryUsage(-1)).hasMessageContaining("maxMemoryUsage");
    assertThat(base.withCredentials(null, null).user()).isEqualTo("default");
  }
}
