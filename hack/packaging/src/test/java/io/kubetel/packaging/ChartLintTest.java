package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code helm lint --strict} on the chart, and values.schema.json: each committed broken values
 * file under {@code src/test/resources/broken-values/} fails rendering with a message naming what
 * is wrong, and a chart whose values.yaml is broken fails the strict lint.
 */
class ChartLintTest {

  @Test
  void strictLintIsClean() {
    LintResult result = new Helm(Repo.chart()).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
  }

  @Test
  void strictLintFailsOnAChartWithBrokenDefaults(@TempDir Path tmp) throws Exception {
    Path chart = tmp.resolve("kubetel");
    Packaging.copyTree(Repo.chart(), chart);
    Files.writeString(
        chart.resolve("values.yaml"),
        Files.readString(chart.resolve("values.yaml")).replace("replicas: 2", "replicas: two"));
    LintResult result = new Helm(chart).lint().strict().call();
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("replicas");
  }

  static Stream<Arguments> brokenValues() {
    return Stream.of(
        Arguments.of("misspelt-key.yaml", "replica"),
        Arguments.of("wrong-type.yaml", "replicas"),
        Arguments.of("unknown-tls-mode.yaml", "mode"),
        Arguments.of("cert-manager-without-issuer.yaml", "issuerRef.name is required"),
        Arguments.of("secret-mode-without-ca.yaml", "caBundle is required"),
        Arguments.of("bad-duration.yaml", "retentionInterval"),
        Arguments.of("bad-namespace.yaml", "watchNamespaces"),
        Arguments.of("bad-scrape-interval.yaml", "interval"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenValues")
  void brokenValuesFailWithAReadableMessage(String file, String message) {
    ChartRenderer renderer = new ChartRenderer(Repo.chart());
    assertThatThrownBy(() -> renderer.renderYaml(Repo.resource("broken-values/" + file), Map.of()))
        .hasMessageContaining(message);
  }
}
