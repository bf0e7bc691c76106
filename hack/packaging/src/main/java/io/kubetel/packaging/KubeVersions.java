package io.kubetel.packaging;

import java.util.regex.Pattern;

/**
 * The oldest Kubernetes kubetel supports, kept in one place: the CSV's {@code minKubeVersion} in
 * {@code csv-base.yaml}. The generator writes the chart's {@code kubeVersion} constraint from it
 * and the renderer renders as that Kubernetes version, so the chart, the bundle and the offline
 * checks cannot disagree about it. (helm-java renders as Kubernetes 1.20 unless told otherwise,
 * which the constraint refuses.)
 */
public final class KubeVersions {
  private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  private KubeVersions() {}

  /** The CSV's minKubeVersion, e.g. {@code 1.28.0}. */
  public static String minimum() {
    String min =
        Manifests.parseAll(CsvBuilder.resource("csv-base.yaml"))
            .get(0)
            .at("/spec/minKubeVersion")
            .asText();
    if (!VERSION.matcher(min).matches()) {
      throw new IllegalStateException("csv-base.yaml: minKubeVersion " + min + " is no x.y.z");
    }
    return min;
  }

  /**
   * The chart's {@code kubeVersion}: that version or newer. The {@code -0} lets pre-release and
   * vendor builds (e.g. {@code v1.28.3-eks-1234}) match, which plain semver ranges would refuse.
   */
  public static String chartConstraint() {
    return ">=" + minimum() + "-0";
  }
}
