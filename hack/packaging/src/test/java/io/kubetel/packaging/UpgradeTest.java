package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades from every committed baseline ({@code src/test/resources/upgrade-from/<version>/},
 * written by {@code hack/packaging.sh baseline}) to the current chart: rendered with the baseline's
 * own values file (as {@code helm upgrade --reuse-values} would), nothing an upgrade cannot change
 * or must keep has changed ({@link UpgradeCompatibility}), and the CRDs keep their names, scope and
 * versions. Secrets the chart generates are kept by a {@code lookup}: offline {@code lookup}
 * returns nothing, so this checks the templates ask for the existing Secret by its name, not what a
 * cluster returns. Negative cases: changed selectors and immutable fields, a renamed APIService, a
 * dropped storage version, a template without its lookup, and rewriting a released baseline.
 */
class UpgradeTest {
  private static final String REFRESH =
      "\nA released baseline is what users run: keep these fields. If the baseline's version is"
          + " not released yet, refresh it: hack/packaging.sh baseline";

  @TempDir Path tmp;

  @Test
  void everyBaselineUpgradesToTheCurrentChart() throws IOException {
    List<Path> cases = cases(baselines());
    assertThat(cases).as("committed upgrade baselines").isNotEmpty();
    ChartRenderer renderer = new ChartRenderer(Repo.chart());
    for (Path c : cases) {
      List<ObjectNode> baseline = Manifests.parseAll(Files.readString(c.resolve("manifests.yaml")));
      List<ObjectNode> current = renderer.render(c.resolve("values.yaml"), Map.of());
      assertThat(UpgradeCompatibility.compare(baseline, current)).as(c + REFRESH).isEmpty();
    }
    for (Path version : versions()) {
      assertThat(
              UpgradeCompatibility.compareCrds(
                  crds(version.resolve("crds")), crds(Repo.chart().resolve("crds"))))
          .as(version + REFRESH)
          .isEmpty();
    }
  }

  @Test
  void generatedSecretsAreKeptByALookupOfTheExistingSecret() {
    for (String values : new String[] {null, "trial-clickhouse.yaml"}) {
      RenderedChart first = RenderedChart.of(values, Map.of());
      RenderedChart second = RenderedChart.of(values, Map.of());
      assertThat(first.raw().stream().filter(m -> m.path("kind").asText().equals("Secret")).count())
          .isPositive();
      assertThat(
              UpgradeCompatibility.generatedSecretsWithoutLookup(
                  Repo.chart(), first.raw(), second.raw()))
          .isEmpty();
    }
  }

  @Test
  void aTemplateThatDropsItsLookupIsRefused() throws IOException {
    Path chart = tmp.resolve("kubetel");
    Packaging.copyTree(Repo.chart(), chart);
    Path tls = chart.resolve("templates/apiserver-tls.yaml");
    Files.writeString(
        tls,
        Files.readString(tls)
            .replace(
                "(lookup \"v1\" \"Secret\" .Release.Namespace \"kubetel-apiserver-tls\").data",
                "dict"));
    ChartRenderer renderer = new ChartRenderer(chart);
    assertThat(
            UpgradeCompatibility.generatedSecretsWithoutLookup(
                chart, renderer.render(null, Map.of()), renderer.render(null, Map.of())))
        .singleElement()
        .asString()
        .startsWith("Secret/kubetel-apiserver-tls is generated anew by every rendering");
  }

  @Test
  void aChangedSelectorOrImmutableFieldFails() throws IOException {
    List<ObjectNode> current = RenderedChart.of(null, Map.of()).raw();
    List<ObjectNode> baseline =
        changed(
            current,
            "Deployment/kubetel-apiserver",
            d ->
                ((ObjectNode) d.at("/spec/selector/matchLabels"))
                    .put("app.kubernetes.io/name", "apiserver"));
    assertThat(UpgradeCompatibility.compare(baseline, current))
        .containsExactly(
            "Deployment/kubetel-apiserver: spec.selector changed (immutable):"
                + " {\"matchLabels\":{\"app.kubernetes.io/name\":\"apiserver\","
                + "\"app.kubernetes.io/component\":\"apiserver\"}} ->"
                + " {\"matchLabels\":{\"app.kubernetes.io/name\":\"kubetel-apiserver\","
                + "\"app.kubernetes.io/component\":\"apiserver\"}}");
    baseline = changed(current, "Secret/kubetel-apiserver-tls", s -> s.put("type", "Opaque"));
    baseline =
        changed(
            baseline,
            "Service/kubetel-apiserver-service",
            s -> ((ObjectNode) s.get("spec")).put("clusterIP", "None"));
    baseline =
        changed(
            baseline,
            "APIService/v1alpha1.telemetry.kubetel.io",
            a -> ((ObjectNode) a.get("metadata")).put("name", "v1beta1.telemetry.kubetel.io"));
    assertThat(UpgradeCompatibility.compare(baseline, current))
        .containsExactlyInAnyOrder(
            "Secret/kubetel-apiserver-tls: type changed (immutable): \"Opaque\" -> \"kubernetes.io/tls\"",
            "Service/kubetel-apiserver-service: spec.clusterIP changed (immutable): \"None\" -> unset",
            "APIService/v1beta1.telemetry.kubetel.io is gone: helm upgrade would delete it");
  }

  @Test
  void aChangedVolumeClaimTemplateFails() {
    List<ObjectNode> current = RenderedChart.of("trial-clickhouse.yaml", Map.of()).raw();
    List<ObjectNode> baseline =
        changed(
            current,
            "StatefulSet/kubetel-clickhouse",
            s ->
                ((ObjectNode) s.at("/spec/volumeClaimTemplates/0/spec/resources/requests"))
                    .put("storage", "20Gi"));
    assertThat(UpgradeCompatibility.compare(baseline, current))
        .singleElement()
        .asString()
        .startsWith(
            "StatefulSet/kubetel-clickhouse: spec.volumeClaimTemplates changed (immutable)");
  }

  @Test
  void aDroppedStorageVersionOrChangedScopeFails() throws IOException {
    List<JsonNode> current = crds(Repo.chart().resolve("crds"));
    List<JsonNode> baseline = new ArrayList<>();
    for (JsonNode c : current) {
      baseline.add(c.deepCopy());
    }
    ObjectNode tenants =
        (ObjectNode)
            baseline.stream()
                .filter(c -> c.at("/spec/names/kind").asText().equals("TelemetryTenant"))
                .findFirst()
                .orElseThrow();
    ((ArrayNode) tenants.at("/spec/versions"))
        .addObject()
        .put("name", "v1alpha0")
        .put("served", false)
        .put("storage", true);
    ObjectNode dashboards =
        (ObjectNode)
            baseline.stream()
                .filter(c -> c.at("/spec/names/kind").asText().equals("Dashboard"))
                .findFirst()
                .orElseThrow();
    ((ObjectNode) dashboards.get("spec")).put("scope", "Cluster");
    assertThat(UpgradeCompatibility.compareCrds(baseline, current))
        .containsExactlyInAnyOrder(
            "CRD telemetrytenants.kubetel.io v1alpha0 was the storage version and is gone: objects"
                + " stored in it (status.storedVersions) could not be read; keep it listed, served:"
                + " false, until they are migrated",
            "CRD dashboards.kubetel.io: spec.scope changed (immutable): \"Cluster\" -> \"Namespaced\"");
  }

  @Test
  void theGeneratorWritesARedactedBaselineAndNeverRewritesAReleasedOne() throws IOException {
    for (String dir : List.of("charts", "hack/packaging/src/test/resources/values")) {
      Packaging.copyTree(Repo.root().resolve(dir), tmp.resolve(dir));
    }
    ProjectVersion version = ProjectVersion.of("9.9.9", List.of());
    Path written = new UpgradeBaseline(tmp, version, List.of()).write();
    assertThat(written).isEqualTo(tmp.resolve(UpgradeBaseline.FOLDER).resolve("9.9.9"));
    assertThat(cases(tmp.resolve(UpgradeBaseline.FOLDER))).hasSize(UpgradeBaseline.CASES.size());
    List<ObjectNode> defaults =
        Manifests.parseAll(Files.readString(written.resolve("defaults/manifests.yaml")));
    JsonNode tls =
        defaults.stream()
            .filter(m -> Manifests.id(m).equals("Secret/kubetel-apiserver-tls"))
            .findFirst()
            .orElseThrow();
    assertThat(tls.at("/data/tls.key").asText()).isEqualTo(UpgradeBaseline.REDACTED);
    assertThat(
            UpgradeCompatibility.compare(
                defaults, new ChartRenderer(tmp.resolve(Packaging.CHART)).render(null, Map.of())))
        .isEmpty();
    assertThat(written.resolve("crds/telemetrytenants.kubetel.io-v1.yml")).exists();

    assertThatThrownBy(() -> new UpgradeBaseline(tmp, version, List.of("9.9.9")).write())
        .hasMessageContaining("released version 9.9.9")
        .hasMessageContaining("never rewritten");
  }

  @Test
  void committedBaselinesComeFromTheGenerator() throws IOException {
    for (Path c : cases(baselines())) {
      assertThat(Files.readString(c.resolve("manifests.yaml")))
          .startsWith("# Rendered by hack/packaging.sh baseline from chart ");
    }
  }

  private static Path baselines() {
    return Repo.root().resolve(UpgradeBaseline.FOLDER);
  }

  private static List<Path> versions() throws IOException {
    try (Stream<Path> s = Files.list(baselines())) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  /** Every {@code <version>/<case>/} folder below {@code folder}. */
  private static List<Path> cases(Path folder) throws IOException {
    try (Stream<Path> s = Files.walk(folder, 2)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("manifests.yaml"))).sorted().toList();
    }
  }

  private static List<JsonNode> crds(Path dir) {
    List<JsonNode> crds = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().toList()) {
        crds.addAll(Manifests.parseAll(Files.readString(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return crds;
  }

  private static List<ObjectNode> changed(
      List<ObjectNode> manifests, String id, Consumer<ObjectNode> change) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode m : manifests) {
      ObjectNode copy = m.deepCopy();
      if (Manifests.id(m).equals(id)) {
        change.accept(copy);
      }
      out.add(copy);
    }
    return out;
  }
}
