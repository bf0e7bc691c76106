package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's verify mode: the committed chart and bundle are what the sources generate, and a
 * copy of the repository where they drifted (a CRD changed in crds/ only, a chart template changed
 * without regenerating, a stale file in the bundle, a hand-edited kubeVersion or minKubeVersion) is
 * reported file by file. The CSV version, replaces and skipRange follow the project version.
 */
class PackagingDriftTest {

  @Test
  void committedChartAndBundleMatchTheirSources() throws IOException {
    assertThat(generator(Repo.root()).drift(Repo.root())).isEmpty();
  }

  @Test
  void driftFromCrdsTemplatesAndStaleFilesIsReported(@TempDir Path tmp) throws IOException {
    copyRepo(tmp);
    Path crd = tmp.resolve("crds/dashboards.kubetel.io-v1.yml");
    Files.writeString(crd, Files.readString(crd).replace("Namespaced", "Cluster"));
    Path rbac = tmp.resolve("charts/kubetel/templates/operator-rbac.yaml");
    Files.writeString(rbac, Files.readString(rbac).replace("\"bind\"]", "\"bind\", \"escalate\"]"));
    Files.writeString(tmp.resolve("bundle/manifests/old.yaml"), "kind: ConfigMap\n");

    assertThat(generator(tmp).drift(tmp))
        .containsExactlyInAnyOrder(
            "differs: charts/kubetel/crds/dashboards.kubetel.io-v1.yml",
            "differs: bundle/manifests/dashboards.kubetel.io-v1.yml",
            "differs: bundle/manifests/kubetel.clusterserviceversion.yaml",
            "not generated (stale): bundle/manifests/old.yaml");

    generator(tmp).write(tmp);
    assertThat(generator(tmp).drift(tmp)).isEmpty();
    assertThat(Files.readString(tmp.resolve("bundle/manifests/kubetel.clusterserviceversion.yaml")))
        .contains("escalate");
  }

  @Test
  void chartKubeVersionAndCsvMinKubeVersionCannotDrift(@TempDir Path tmp) throws IOException {
    copyRepo(tmp);
    Path chart = tmp.resolve("charts/kubetel/Chart.yaml");
    Files.writeString(
        chart, Files.readString(chart).replace(KubeVersions.chartConstraint(), ">=1.20.0-0"));
    Path csv = tmp.resolve("bundle/manifests/kubetel.clusterserviceversion.yaml");
    Files.writeString(
        csv,
        Files.readString(csv)
            .replace("minKubeVersion: " + KubeVersions.minimum(), "minKubeVersion: 1.30.0"));
    assertThat(generator(tmp).drift(tmp))
        .containsExactlyInAnyOrder(
            "differs: charts/kubetel/Chart.yaml",
            "differs: bundle/manifests/kubetel.clusterserviceversion.yaml");
  }

  @Test
  void oneVersionDrivesChartAndCsv() throws IOException {
    String version = PackagingMain.rootPomVersion(Repo.root()).replace("-SNAPSHOT", "");
    assertThat(Files.readString(Repo.chart().resolve("Chart.yaml")))
        .contains("\nversion: " + version + "\n", "\nappVersion: \"" + version + "\"\n");
    String csv =
        Files.readString(
            Repo.root().resolve("bundle/manifests/kubetel.clusterserviceversion.yaml"));
    assertThat(csv)
        .contains("name: kubetel.v" + version, "version: " + version)
        .contains("olm.skipRange: '>=0.0.0 <" + version + "'");

    ProjectVersion next = ProjectVersion.of("0.3.0-SNAPSHOT", List.of("0.1.0", "0.2.1", "0.10.0"));
    assertThat(next.replacesCsv()).contains("kubetel.v0.2.1");
    assertThat(next.skipRange()).isEqualTo(">=0.0.0 <0.3.0");
    assertThat(ProjectVersion.of("0.1.0", List.of()).replacesCsv()).isEmpty();
  }

  private static void copyRepo(Path tmp) throws IOException {
    for (String dir : List.of("crds", "charts", "bundle", "examples")) {
      Packaging.copyTree(Repo.root().resolve(dir), tmp.resolve(dir));
    }
    Files.createDirectories(tmp.resolve("hack/packaging"));
    Files.copy(
        Repo.root().resolve("hack/packaging/released-versions"),
        tmp.resolve("hack/packaging/released-versions"));
  }

  private static GeneratedFiles generator(Path root) throws IOException {
    return new Packaging(root, PackagingMain.version(root, System.getProperty("kubetel.version")))
        .generate();
  }
}
