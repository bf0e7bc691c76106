package io.kubetel.apiserver.customresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading Dashboards and AlertRules from files: what is served, skipped and refused, and why. */
class CustomResourceLoaderTest {
  static final String DASHBOARD =
      """
      apiVersion: kubetel.io/v1alpha1
      kind: Dashboard
      metadata:
        name: overview
        namespace: shop
        labels: {team: shop}
      spec:
        title: Shop overview
        panels:
          - title: Requests
            type: TimeSeries
            query:
              signal: traces
              aggregation: rate
            gridPos: {x: 0, y: 0, w: 12, h: 8}
      """;

  private final CustomResourceLoader loader = new CustomResourceLoader(CrdKind.served());

  @TempDir Path dir;

  @Test
  void theRepositoryExamplesLoadAndOtherKindsAreSkipped() throws Exception {
    CustomResourceSet set = loader.load(Path.of("../../examples"));

    assertThat(set.list("dashboards", Optional.empty()))
        .extracting(o -> o.path("metadata").path("name").asText())
        .contains("service-overview");
    assertThat(set.list("alertrules", Optional.of("shop")))
        .extracting(o -> o.path("metadata").path("name").asText())
        .contains("checkout-error-rate", "checkout-latency-p99", "checkout-latency-anomaly");
  }

  @Test
  void multiDocumentFilesAndTheDefaultNamespace() throws Exception {
    write(
        "all.yaml",
        DASHBOARD
            + "---\n"
            + DASHBOARD.replace("name: overview", "name: second").replace("  namespace: shop\n", "")
            + "---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n");

    CustomResourceSet set = loader.load(dir);

    assertThat(set.get("dashboards", "shop", "overview")).isPresent();
    ObjectNode second = set.get("dashboards", "default", "second").orElseThrow();
    assertThat(second.path("metadata").path("uid").asText()).hasSize(36);
    assertThat(second.path("metadata").path("creationTimestamp").asText()).endsWith("Z");
    assertThat(set.count("alertrules")).isZero();
  }

  @Test
  void metadataIsStableAcrossLoadsAndFollowsTheContent() throws Exception {
    Path file = write("d.yaml", DASHBOARD);
    ObjectNode first = loader.load(dir).get("dashboards", "shop", "overview").orElseThrow();
    ObjectNode again = loader.load(dir).get("dashboards", "shop", "overview").orElseThrow();
    Files.writeString(file, DASHBOARD.replace("Shop overview", "Shop overview 2"));
    ObjectNode edited = loader.load(dir).get("dashboards", "shop", "overview").orElseThrow();

    assertThat(again.path("metadata")).isEqualTo(first.path("metadata"));
    assertThat(edited.path("metadata").path("uid")).isEqualTo(first.path("metadata").path("uid"));
    assertThat(edited.path("metadata").path("resourceVersion").asText())
        .isNotEqualTo(first.path("metadata").path("resourceVersion").asText());
  }

  @Test
  void aSchemaViolationNamesTheFileTheObjectAndTheField() throws Exception {
    Path file = write("bad.yaml", DASHBOARD.replace("type: TimeSeries", "type: Pie"));

    assertThatThrownBy(() -> loader.load(dir))
        .isInstanceOf(CustomResourceLoadException.class)
        .hasMessageStartingWith(file + ": Dashboard \"overview\" is invalid")
        .hasMessageContaining("spec.panels[0].type");
  }

  @Test
  void anUnknownFieldIsRefusedLikeStrictFieldValidation() throws Exception {
    write("typo.yaml", DASHBOARD.replace("  title: Shop overview", "  titel: Shop overview"));

    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("titel");
  }

  @Test
  void badNamesDuplicatesAndYamlAreRefused() throws Exception {
    write("a.yaml", DASHBOARD.replace("name: overview", "name: Not_Valid"));
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("metadata.name");

    write("a.yaml", DASHBOARD);
    write("b.yaml", DASHBOARD);
    assertThatThrownBy(() -> loader.load(dir))
        .hasMessageContaining("Dashboard shop/overview is defined twice");

    Files.delete(dir.resolve("b.yaml"));
    write("c.yaml", "kind: [unclosed\n");
    assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("c.yaml: not valid YAML");
  }

  @Test
  void aMissingDirectoryIsRefused() {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope")))
        .hasMessageContaining("is not a directory");
  }

  @Test
  void theCrdsDeclareNamesColumnsAndCategories() {
    List<CrdKind> kinds = CrdKind.served();

    assertThat(kinds).extracting(CrdKind::kind).containsExactly("Dashboard", "AlertRule");
    assertThat(kinds.get(0).info().shortNames()).contains("kdash");
    assertThat(kinds.get(0).info().categories()).containsExactly("kubetel");
    assertThat(kinds.get(1).columns())
        .extracting(PrinterColumn::name)
        .contains("Severity", "State");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
