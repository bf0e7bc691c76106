package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes versions the chart and the bundle support: the chart's {@code kubeVersion} is the
 * CSV's {@code minKubeVersion} (one source, see {@code KubeVersions}); rendering as an older
 * Kubernetes is refused with Helm's message naming both; vendor builds of a supported version
 * render; no template depends on {@code .Capabilities} (helm-java's lint has no kube-version option
 * and lints as Kubernetes 1.20, so templates must render the same whatever the version); and no
 * rendering uses an API deprecated or removed in the supported range ({@link DeprecatedApis}).
 */
class KubeVersionTest {

  @Test
  void chartKubeVersionIsTheCsvMinKubeVersion() throws IOException {
    String min =
        Manifests.parseAll(
                Files.readString(
                    Repo.root().resolve("bundle/manifests/kubetel.clusterserviceversion.yaml")))
            .get(0)
            .at("/spec/minKubeVersion")
            .asText();
    String constraint =
        Manifests.parseAll(Files.readString(Repo.chart().resolve("Chart.yaml")))
            .get(0)
            .path("kubeVersion")
            .asText();
    assertThat(constraint).isEqualTo(">=" + min + "-0").isEqualTo(KubeVersions.chartConstraint());
    assertThat(min).isEqualTo(KubeVersions.minimum());
  }

  @Test
  void anOlderKubernetesIsRefusedWithAReadableMessage() {
    ChartRenderer renderer = new ChartRenderer(Repo.chart());
    String min = KubeVersions.minimum();
    String older = "1." + (Integer.parseInt(min.split("\\.")[1]) - 1) + ".9";
    assertThatThrownBy(() -> renderer.renderYaml(null, Map.of(), older))
        .hasMessageContaining(
            "chart requires kubeVersion: >="
                + min
                + "-0 which is incompatible with Kubernetes v"
                + older);
    assertThatThrownBy(() -> renderer.renderYaml(null, Map.of(), "1.twenty"))
        .hasMessageContaining("\"1.twenty\"");
    String vendor = "v" + min.replaceFirst("\\.0$", ".3") + "-eks-4f2d9a1";
    assertThat(renderer.renderYaml(null, Map.of(), vendor)).contains("kind: Deployment");
    assertThat(renderer.renderYaml(null, Map.of(), "1.33.1")).contains("kind: APIService");
  }

  @Test
  void noTemplateDependsOnTheKubernetesVersion() throws IOException {
    try (Stream<Path> files = Files.walk(Repo.chart().resolve("templates"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(".Capabilities");
      }
    }
  }

  @Test
  void noRenderingUsesADeprecatedApi() {
    List<ObjectNode> all = new ArrayList<>();
    for (String values :
        new String[] {
          null, "cert-manager.yaml", "existing-secret.yaml", "ha.yaml", "trial-clickhouse.yaml"
        }) {
      all.addAll(RenderedChart.of(values, Map.of()).raw());
    }
    all.addAll(RenderedChart.of(null, Map.of("olm", true)).raw());
    assertThat(DeprecatedApis.check(all, KubeVersions.minimum())).isEmpty();

    List<ObjectNode> old =
        Manifests.parseAll(
            "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: cleanup}\n---\n"
                + "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\n"
                + "metadata: {name: kubetel-apiserver}\n---\n"
                + "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\n"
                + "metadata: {name: kubetel}\n---\n"
                + "apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\n"
                + "metadata: {name: kubetel}\n");
    assertThat(DeprecatedApis.check(old, "1.28.0"))
        .containsExactly(
            "CronJob/cleanup: batch/v1beta1 CronJob is removed in Kubernetes 1.25 (kubetel"
                + " supports 1.28 to 1."
                + DeprecatedApis.NEWEST
                + "): use batch/v1",
            "HorizontalPodAutoscaler/kubetel-apiserver: autoscaling/v2beta2"
                + " HorizontalPodAutoscaler is removed in Kubernetes 1.26 (kubetel supports 1.28"
                + " to 1."
                + DeprecatedApis.NEWEST
                + "): use autoscaling/v2",
            "FlowSchema/kubetel: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is removed in"
                + " Kubernetes 1.32 (kubetel supports 1.28 to 1."
                + DeprecatedApis.NEWEST
                + "): use flowcontrol.apiserver.k8s.io/v1",
            "FlowSchema/kubetel: flowcontrol.apiserver.k8s.io/v1 FlowSchema is served from"
                + " Kubernetes 1.29, after minKubeVersion 1.28.0");
  }
}
