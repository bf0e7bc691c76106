package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a {@code helm upgrade} from an earlier chart version's rendering (an upgrade baseline, see
 * {@code UpgradeBaseline}) to the current one cannot change or must keep, as the API server would
 * see the update: immutable fields (Deployment and StatefulSet selectors, a StatefulSet's
 * serviceName, podManagementPolicy and volumeClaimTemplates, a Service's type and clusterIP, a
 * Secret's type), the selectors Services route by, the APIService's name and the Service it routes
 * to, the Secrets that hold state (CA and serving certificate, continue-token key, trial password)
 * with their keys, and the CRDs' names, scope and every version once served or stored. Secrets
 * whose data the chart generates must be kept by a {@code lookup} of the existing Secret.
 */
final class UpgradeCompatibility {
  /** Kinds whose disappearance an upgrade must not cause (helm would delete them). */
  private static final Set<String> KEPT =
      Set.of("Deployment", "StatefulSet", "Service", "APIService", "Secret");

  private UpgradeCompatibility() {}

  /** Every problem upgrading from {@code baseline} to {@code current} (one values file). */
  static List<String> compare(List<? extends JsonNode> baseline, List<? extends JsonNode> current) {
    Map<String, JsonNode> now = new LinkedHashMap<>();
    current.forEach(m -> now.put(key(m), m));
    List<String> problems = new ArrayList<>();
    for (JsonNode old : baseline) {
      String id = Manifests.id(old);
      JsonNode cur = now.get(key(old));
      if (cur == null) {
        if (KEPT.contains(old.path("kind").asText())) {
          problems.add(id + " is gone: helm upgrade would delete it");
        }
        continue;
      }
      switch (old.path("kind").asText()) {
        case "Deployment" -> same(problems, id, old, cur, "/spec/selector", "immutable");
        case "StatefulSet" -> {
          for (String f :
              List.of(
                  "/spec/selector",
                  "/spec/serviceName",
                  "/spec/podManagementPolicy",
                  "/spec/volumeClaimTemplates")) {
            same(problems, id, old, cur, f, "immutable");
          }
        }
        case "Service" -> {
          for (String f : List.of("/spec/type", "/spec/clusterIP", "/spec/clusterIPs")) {
            same(problems, id, old, cur, f, "immutable");
          }
          same(problems, id, old, cur, "/spec/selector", "the pods it routes to");
          for (JsonNode port : old.at("/spec/ports")) {
            boolean kept = false;
            for (JsonNode p : cur.at("/spec/ports")) {
              kept |=
                  p.path("name").equals(port.path("name"))
                      && p.path("port").equals(port.path("port"));
            }
            if (!kept) {
              problems.add(
                  id
                      + ": port "
                      + port.path("name").asText()
                      + "/"
                      + port.path("port").asText()
                      + " is gone");
            }
          }
        }
        case "APIService" -> {
          for (String f : List.of("/spec/group", "/spec/version", "/spec/service")) {
            same(problems, id, old, cur, f, "where kube-apiserver routes the group");
          }
        }
        case "Secret" -> {
          same(problems, id, old, cur, "/type", "immutable");
          old.path("data")
              .fieldNames()
              .forEachRemaining(
                  k -> {
                    if (!cur.path("data").has(k)) {
                      problems.add(id + ": data key " + k + " is gone (its state would be lost)");
                    }
                  });
        }
        default -> {}
      }
    }
    return problems;
  }

  /** Problems upgrading the CRDs {@code baseline} to {@code current} (by the CRDs' names). */
  static List<String> compareCrds(
      List<? extends JsonNode> baseline, List<? extends JsonNode> current) {
    Map<String, JsonNode> now = new LinkedHashMap<>();
    current.forEach(c -> now.put(c.at("/metadata/name").asText(), c));
    List<String> problems = new ArrayList<>();
    for (JsonNode old : baseline) {
      String name = old.at("/metadata/name").asText();
      JsonNode cur = now.get(name);
      if (cur == null) {
        problems.add("CRD " + name + " is gone: its custom resources would be unreachable");
        continue;
      }
      for (String f :
          List.of("/spec/group", "/spec/scope", "/spec/names/kind", "/spec/names/plural")) {
        same(problems, "CRD " + name, old, cur, f, "immutable");
      }
      for (JsonNode v : old.at("/spec/versions")) {
        JsonNode kept = null;
        for (JsonNode c : cur.at("/spec/versions")) {
          if (c.path("name").equals(v.path("name"))) {
            kept = c;
          }
        }
        String version = name + " " + v.path("name").asText();
        if (kept == null && v.path("storage").asBoolean()) {
          problems.add(
              "CRD "
                  + version
                  + " was the storage version and is gone: objects stored in it (status.storedVersions)"
                  + " could not be read; keep it listed, served: false, until they are migrated");
        } else if (v.path("served").asBoolean()
            && (kept == null || !kept.path("served").asBoolean())) {
          problems.add("CRD " + version + " is no longer served: clients using it would break");
        }
      }
    }
    return problems;
  }

  /**
   * The Secrets among {@code twoRenderings} whose data differs between two renderings (the chart
   * generates it) and that no template of {@code chart} looks up by name: an upgrade would replace
   * their content (a new CA under running clients, a new continue-token key, a new password).
   */
  static List<String> generatedSecretsWithoutLookup(
      Path chart, List<? extends JsonNode> first, List<? extends JsonNode> second) {
    Map<String, JsonNode> again = new LinkedHashMap<>();
    second.forEach(m -> again.put(key(m), m));
    String templates = templates(chart);
    List<String> problems = new ArrayList<>();
    for (JsonNode s : first) {
      JsonNode other = again.get(key(s));
      if (!s.path("kind").asText().equals("Secret")
          || other == null
          || s.path("data").equals(other.path("data"))) {
        continue;
      }
      String name = s.at("/metadata/name").asText();
      String lookup = "lookup \"v1\" \"Secret\" .Release.Namespace \"" + name + "\"";
      if (!templates.contains(lookup)) {
        problems.add(
            "Secret/"
                + name
                + " is generated anew by every rendering and no template keeps it with ("
                + lookup
                + "): an upgrade would replace its content");
      }
    }
    return problems;
  }

  private static String templates(Path chart) {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.toString();
  }

  private static void same(
      List<String> problems, String id, JsonNode old, JsonNode cur, String field, String why) {
    JsonNode was = old.at(field);
    JsonNode is = cur.at(field);
    if (!was.equals(is)) {
      problems.add(
          id
              + ": "
              + field.substring(1).replace('/', '.')
              + " changed ("
              + why
              + "): "
              + (was.isMissingNode() ? "unset" : was.toString())
              + " -> "
              + (is.isMissingNode() ? "unset" : is.toString()));
    }
  }

  private static String key(JsonNode m) {
    return m.path("kind").asText()
        + "/"
        + m.at("/metadata/namespace").asText()
        + "/"
        + m.at("/metadata/name").asText();
  }
}
