package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the Helm chart's CRDs and Chart.yaml and the whole OLM bundle from one set of sources:
 * {@code crds/*.yml} (copied byte for byte into both), the chart's templates (rendered in OLM mode
 * for the bundle's deployments and permissions), {@code csv-base.yaml}, {@code examples/} and the
 * project version; Chart.yaml's {@code kubeVersion} from the CSV's {@code minKubeVersion} ({@link
 * KubeVersions}). Rendering uses a scratch copy of the chart with the new Chart.yaml and CRDs, so
 * the result never depends on the files it replaces.
 */
public final class Packaging {
  public static final String CHART = "charts/kubetel";
  public static final String BUNDLE = "bundle";
  public static final String PACKAGE = "kubetel";
  public static final String CHANNEL = "stable";

  /** The examples that become the CSV's alm-examples, one per owned kind. */
  static final List<String> EXAMPLES =
      List.of(
          "examples/shop-tenant.yaml",
          "examples/checkout-latency-p99-alert.yaml",
          "examples/shop-service-overview-dashboard.yaml");

  private final Path root;
  private final ProjectVersion version;

  public Packaging(Path root, ProjectVersion version) {
    this.root = root;
    this.version = version;
  }

  /** Every generated file. */
  public GeneratedFiles generate() throws IOException {
    SortedMap<String, String> files = new TreeMap<>();
    List<JsonNode> crds = new ArrayList<>();
    for (Path crd : crdSources()) {
      String text = Files.readString(crd, StandardCharsets.UTF_8);
      String name = crd.getFileName().toString();
      files.put(CHART + "/crds/" + name, text);
      files.put(BUNDLE + "/manifests/" + name, text);
      crds.add(Manifests.parseAll(text).get(0));
    }
    files.put(CHART + "/Chart.yaml", chartYaml());

    List<ObjectNode> rendered = renderForOlm(files);
    BundleParts parts = BundleParts.split(rendered);
    String operatorImage =
        parts.deployments().stream()
            .filter(d -> d.at("/metadata/name").asText().equals("kubetel-operator"))
            .map(d -> d.at("/spec/template/spec/containers/0/image").asText())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the chart renders no kubetel-operator"));
    List<JsonNode> examples = new ArrayList<>();
    for (String e : EXAMPLES) {
      examples.addAll(Manifests.parseAll(Files.readString(root.resolve(e))));
    }
    ObjectNode csv =
        new CsvBuilder(version)
            .build(
                crds,
                examples,
                parts.deployments(),
                parts.clusterRules(),
                parts.namespaceRules(),
                operatorImage);
    files.put(
        BUNDLE + "/manifests/kubetel.clusterserviceversion.yaml",
        header("The ClusterServiceVersion") + Manifests.write(csv));
    for (ObjectNode raw : parts.rawManifests()) {
      String file =
          raw.at("/metadata/name").asText()
              + "_"
              + raw.path("apiVersion").asText().replaceAll("/.*", "").replace('.', '_')
              + "_"
              + raw.path("kind").asText().toLowerCase(java.util.Locale.ROOT)
              + ".yaml";
      files.put(BUNDLE + "/manifests/" + file, header("A manifest") + Manifests.write(raw));
    }
    files.put(BUNDLE + "/metadata/annotations.yaml", annotationsYaml());
    files.put(BUNDLE + "/bundle.Dockerfile", bundleDockerfile());
    return new GeneratedFiles(files, List.of(CHART + "/crds", BUNDLE));
  }

  /** crds/*.yml, sorted. */
  List<Path> crdSources() throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("crds"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    }
  }

  private List<ObjectNode> renderForOlm(Map<String, String> files) throws IOException {
    Path scratch = Files.createTempDirectory("kubetel-chart");
    try {
      Path chart = scratch.resolve("kubetel");
      copyTree(root.resolve(CHART), chart);
      for (var e : files.entrySet()) {
        if (e.getKey().startsWith(CHART + "/")) {
          Path p = chart.resolve(e.getKey().substring(CHART.length() + 1));
          Files.createDirectories(p.getParent());
          Files.writeString(p, e.getValue());
        }
      }
      Map<String, Object> olm = new LinkedHashMap<>();
      olm.put("olm", true);
      return new ChartRenderer(chart).render(null, olm);
    } finally {
      deleteTree(scratch);
    }
  }

  private String chartYaml() {
    return header("Chart.yaml")
        + "apiVersion: v2\n"
        + "name: kubetel\n"
        + "description: Kubernetes-native telemetry - ClickHouse metrics, traces and logs as"
        + " Kubernetes resources (aggregated API server) plus the tenant, alert rule and dashboard"
        + " operator\n"
        + "type: application\n"
        + "kubeVersion: \""
        + KubeVersions.chartConstraint()
        + "\"\n"
        + "version: "
        + version.version()
        + "\n"
        + "appVersion: \""
        + version.version()
        + "\"\n"
        + "home: https://github.com/kubetel/kubetel\n"
        + "sources:\n  - https://github.com/kubetel/kubetel\n"
        + "keywords: [telemetry, opentelemetry, clickhouse, operator, aggregated-apiserver]\n"
        + "maintainers:\n  - name: kubetel maintainers\n    email: maintainers@kubetel.io\n";
  }

  private static String annotationsYaml() {
    StringBuilder sb =
        new StringBuilder(
            header("The bundle's annotations (they win over bundle.Dockerfile's LABELs)"));
    sb.append("annotations:\n");
    bundleAnnotations()
        .forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
    return sb.toString();
  }

  private static String bundleDockerfile() {
    StringBuilder sb =
        new StringBuilder(
            "# Generated by hack/packaging.sh from the chart, crds/ and the project version: do not"
                + " edit.\n# The OLM bundle image: build it from bundle/ (docker build -f"
                + " bundle.Dockerfile bundle/).\nFROM scratch\n\n");
    bundleAnnotations()
        .forEach((k, v) -> sb.append("LABEL ").append(k).append('=').append(v).append('\n'));
    sb.append("\nCOPY manifests /manifests/\nCOPY metadata /metadata/\n");
    return sb.toString();
  }

  /** The annotations of metadata/annotations.yaml, equal to the Dockerfile's LABELs. */
  static Map<String, String> bundleAnnotations() {
    Map<String, String> a = new LinkedHashMap<>();
    String p = "operators.operatorframework.io.bundle.";
    a.put(p + "mediatype.v1", "registry+v1");
    a.put(p + "manifests.v1", "manifests/");
    a.put(p + "metadata.v1", "metadata/");
    a.put(p + "package.v1", PACKAGE);
    a.put(p + "channels.v1", CHANNEL);
    a.put(p + "channel.default.v1", CHANNEL);
    return a;
  }

  private static String header(String what) {
    return "# "
        + what
        + ", generated by hack/packaging.sh from the\n# chart, crds/ and the project version: do"
        + " not edit (the verify mode fails on drift).\n";
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
