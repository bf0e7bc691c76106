package io.kubetel.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Renders the chart offline with helm-java (Helm's own template engine and values schema check), as
 * {@code helm template} would, and splits the output into manifests.
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
    TemplateCommand template =
        new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
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
