package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the upgrade baseline of the current chart version: what {@code helm template} renders for
 * each values file that matters for upgrades (defaults = TLS mode generate, cert-manager, existing
 * Secrets, HA with ServiceMonitor and NetworkPolicies, the trial ClickHouse's StatefulSet), the
 * values file itself (what {@code helm upgrade --reuse-values} reuses) and the chart's CRDs, below
 * {@code hack/packaging/src/test/resources/upgrade-from/<version>/}. The tests render the chart of
 * a later version with the same values and compare what an upgrade cannot change. A release manager
 * runs it ({@code hack/packaging.sh baseline}) when releasing; a released version's baseline is
 * what users run and is never rewritten.
 */
public final class UpgradeBaseline {
  /** Where baselines live, below the repository root. */
  public static final String FOLDER = "hack/packaging/src/test/resources/upgrade-from";

  /** Secret data and caBundle are random per rendering: the baseline keeps the keys only. */
  public static final String REDACTED = "cmVkYWN0ZWQ="; // base64("redacted")

  /** Case name → values file below the repository root (null: the chart's defaults). */
  public static final Map<String, String> CASES = new LinkedHashMap<>();

  static {
    String values = "hack/packaging/src/test/resources/values/";
    CASES.put("defaults", null);
    CASES.put("cert-manager", values + "cert-manager.yaml");
    CASES.put("existing-secret", values + "existing-secret.yaml");
    CASES.put("ha", values + "ha.yaml");
    CASES.put("trial-clickhouse", values + "trial-clickhouse.yaml");
  }

  private final Path root;
  private final ProjectVersion version;
  private final List<String> released;

  public UpgradeBaseline(Path root, ProjectVersion version, List<String> released) {
    this.root = root;
    this.version = version;
    this.released = released;
  }

  /** Writes the baseline of the project version; refuses to rewrite a released version's. */
  public Path write() throws IOException {
    Path dir = root.resolve(FOLDER).resolve(version.version());
    if (released.contains(version.version()) && Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "the baseline of released version "
              + version.version()
              + " is what users upgrade from and is never rewritten: "
              + root.relativize(dir));
    }
    if (Files.isDirectory(dir)) {
      Packaging.deleteTree(dir);
    }
    ChartRenderer renderer = new ChartRenderer(root.resolve(Packaging.CHART));
    for (var c : CASES.entrySet()) {
      Path caseDir = Files.createDirectories(dir.resolve(c.getKey()));
      Path values = caseDir.resolve("values.yaml");
      if (c.getValue() == null) {
        Files.writeString(values, "# The chart's default values: no value set.\n{}\n");
      } else {
        Files.copy(root.resolve(c.getValue()), values);
      }
      StringBuilder out =
          new StringBuilder(
              "# Rendered by hack/packaging.sh baseline from chart "
                  + version.version()
                  + " with values.yaml beside it: do not edit.\n"
                  + "# Secret data and the APIService caBundle are redacted (random per"
                  + " rendering).\n");
      for (ObjectNode m : renderer.render(values, Map.of())) {
        redact(m);
        out.append("---\n").append(Manifests.write(m));
      }
      Files.writeString(caseDir.resolve("manifests.yaml"), out.toString());
    }
    Packaging.copyTree(root.resolve(Packaging.CHART).resolve("crds"), dir.resolve("crds"));
    return dir;
  }

  private static void redact(ObjectNode m) {
    if (m.path("kind").asText().equals("Secret") && m.get("data") instanceof ObjectNode data) {
      List<String> keys = iterable(data);
      keys.forEach(k -> data.put(k, REDACTED));
    }
    JsonNode spec = m.path("spec");
    if (m.path("kind").asText().equals("APIService")
        && spec instanceof ObjectNode s
        && s.has("caBundle")) {
      s.put("caBundle", REDACTED);
    }
  }

  private static List<String> iterable(ObjectNode o) {
    List<String> names = new java.util.ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
