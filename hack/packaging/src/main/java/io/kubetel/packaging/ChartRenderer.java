package io.kubetel.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders the chart offline with helm-java (Helm's own template engine and values schema check), as
 * {@code helm template --kube-version} would, and splits the output into manifests. It renders as
 * the oldest supported Kubernetes ({@link KubeVersions#minimum()}) unless told another version: the
 * chart's {@code kubeVersion} refuses helm-java's default (1.20).
 */
public final class ChartRenderer {
  /** The release name and namespace every rendering uses. */
  public static final String RELEASE = "kubetel";

  public static final String NAMESPACE = "kubetel-system";

  private final Path chart;

  public ChartRenderer(Path chart) {
    this.chart = chart;
  }

  /** The rendered YAML with {@code valuesFile} (may be null) and {@code sets} applied. */
  public String renderYaml(Path valuesFile, Map<String, Object> sets) {
    return renderYaml(valuesFile, sets, KubeVersions.minimum());
  }

  /** The rendered YAML as Kubernetes {@code kubeVersion} (e.g. {@code 1.28.0}) would get it. */
  public String renderYaml(Path valuesFile, Map<String, Object> sets, String kubeVersion) {
    TemplateCommand template =
        new Helm(chart)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(kubeVersion);
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    for (var e : sets.entrySet()) {
      template = template.set(e.getKey(), e.getValue());
    }
    return template.call();
  }

  /** The rendered manifests with {@code valuesFile} (may be null) and {@code sets} applied. */
  public List<ObjectNode> render(Path valuesFile, Map<String, Object> sets) {
    return Manifests.parseAll(renderYaml(valuesFile, sets));
  }
}
