package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The operator-framework bundle validators' rules (operator-framework/api {@code
 * pkg/validation/internal}: csv, bundle, annotations, operatorhub, good_practices) applied in Java
 * to a bundle folder, since the Go validator cannot be downloaded here. Each rule is listed in
 * {@link BundleRuleCatalog#RULES} with its validator; {@link #validate} returns every error, {@code
 * [validator] message}. Where the Go code only warns, this is stricter and reports an error. The
 * alm-examples are validated against their CRDs' schemas ({@link CustomResourceSchemas}) and every
 * manifest against the deprecated-API table ({@link DeprecatedApis}).
 */
final class BundleRules {
  private final List<String> errors = new ArrayList<>();

  private BundleRules() {}

  /** Every rule violation of the bundle in {@code bundle}; empty when it passes. */
  static List<String> validate(Path bundle) throws IOException {
    BundleRules r = new BundleRules();
    r.run(bundle);
    return r.errors;
  }

  private void error(String validator, String message) {
    errors.add("[" + validator + "] " + message);
  }

  private void run(Path bundle) throws IOException {
    List<ObjectNode> manifests = new ArrayList<>();
    try (Stream<Path> files = Files.list(bundle.resolve("manifests"))) {
      for (Path f : files.sorted().toList()) {
        manifests.addAll(Manifests.parseAll(Files.readString(f)));
      }
    }
    List<ObjectNode> csvs =
        manifests.stream().filter(m -> kind(m).equals("ClusterServiceVersion")).toList();
    if (csvs.size() != 1) {
      error("bundle", "manifests/ holds " + csvs.size() + " ClusterServiceVersions, not one");
      return;
    }
    ObjectNode csv = csvs.get(0);
    List<ObjectNode> crds =
        manifests.stream().filter(m -> kind(m).equals("CustomResourceDefinition")).toList();
    Map<String, String> annotations = annotations(bundle);
    checkCsv(csv);
    checkBundle(bundle, manifests, csv, crds);
    checkAnnotations(bundle, annotations);
    checkOperatorHub(csv);
    checkGoodPractices(csv, annotations);
    checkExamplesAgainstSchemas(csv, crds);
    DeprecatedApis.check(manifests, csv.at("/spec/minKubeVersion").asText())
        .forEach(e -> error("alpha-deprecated-apis", e));
  }

  /** Each alm-examples object validates against its CRD's openAPIV3Schema from manifests/. */
  private void checkExamplesAgainstSchemas(JsonNode csv, List<ObjectNode> crds) {
    JsonNode examples;
    try {
      examples = new ObjectMapper().readTree(csv.at("/metadata/annotations/alm-examples").asText());
    } catch (IOException e) {
      return; // reported by checkCsv
    }
    for (JsonNode example : examples) {
      JsonNode crd = CustomResourceSchemas.crdFor(crds, example);
      if (crd != null) {
        CustomResourceSchemas.validate(crd, example)
            .forEach(e -> error("csv", "alm-examples " + e));
      }
    }
  }

  private void checkCsv(JsonNode csv) {
    String name = csv.at("/metadata/name").asText();
    String version = csv.at("/spec/version").asText();
    if (!BundleRuleCatalog.SEMVER.matcher(version).matches()) {
      error("csv", "spec.version " + version + " is no semver");
    }
    if (!name.matches("[a-z0-9-]+\\.v" + Pattern.quote(version))) {
      error("csv", "name " + name + " is not <package>.v" + version);
    }
    if (name.equals(csv.at("/spec/replaces").asText())) {
      error("csv", "spec.replaces names the CSV itself");
    }
    Set<String> modes = new HashSet<>();
    for (JsonNode m : csv.at("/spec/installModes")) {
      String type = m.path("type").asText();
      if (!BundleRuleCatalog.INSTALL_MODES.contains(type) || !modes.add(type)) {
        error("csv", "installModes: unknown or duplicate " + type);
      }
    }
    if (modes.isEmpty()) {
      error("csv", "installModes is empty");
    }
    Set<String> ownedKinds = new HashSet<>();
    for (JsonNode o : csv.at("/spec/customresourcedefinitions/owned")) {
      for (String f : List.of("name", "version", "kind")) {
        if (o.path(f).asText().isEmpty()) {
          error("csv", "owned CRD " + o.path("name").asText() + " lacks " + f);
        }
      }
      if (!o.path("name").asText().contains(".")) {
        error("csv", "owned CRD name " + o.path("name").asText() + " is not <plural>.<group>");
      }
      ownedKinds.add(o.path("kind").asText());
    }
    try {
      JsonNode examples =
          new ObjectMapper().readTree(csv.at("/metadata/annotations/alm-examples").asText());
      if (!examples.isArray() || examples.isEmpty()) {
        error("csv", "alm-examples is not a non-empty JSON array");
      }
      for (JsonNode e : examples) {
        if (!ownedKinds.contains(e.path("kind").asText())) {
          error("csv", "alm-examples has kind " + e.path("kind").asText() + ", not owned");
        }
      }
    } catch (IOException e) {
      error("csv", "alm-examples is no JSON: " + e.getMessage());
    }
    if (!"deployment".equals(csv.at("/spec/install/strategy").asText())) {
      error("csv", "install.strategy is not deployment");
    }
    Map<String, JsonNode> deployments = new LinkedHashMap<>();
    for (JsonNode d : csv.at("/spec/install/spec/deployments")) {
      if (d.path("name").asText().isEmpty()) {
        error("csv", "a deployment has no name");
      }
      deployments.put(d.path("name").asText(), d);
      JsonNode selector = d.at("/spec/selector/matchLabels");
      JsonNode labels = d.at("/spec/template/metadata/labels");
      selector
          .fields()
          .forEachRemaining(
              e -> {
                if (!e.getValue().equals(labels.path(e.getKey()))) {
                  error(
                      "csv",
                      "deployment "
                          + d.path("name").asText()
                          + ": selector "
                          + e.getKey()
                          + " does not match its pods");
                }
              });
    }
    if (deployments.isEmpty()) {
      error("csv", "install.spec.deployments is empty");
    }
    for (JsonNode api : csv.at("/spec/apiservicedefinitions/owned")) {
      String id = api.path("name").asText() + "." + api.path("group").asText();
      for (String f :
          List.of(
              "group", "version", "kind", "name", "deploymentName", "displayName", "description")) {
        if (api.path(f).asText().isEmpty()) {
          error("csv", "apiservicedefinition " + id + " lacks " + f);
        }
      }
      JsonNode d = deployments.get(api.path("deploymentName").asText());
      if (d == null) {
        error("csv", "apiservicedefinition " + id + " names no deployment of the CSV");
        continue;
      }
      boolean exposed = false;
      for (JsonNode c : d.at("/spec/template/spec/containers")) {
        for (JsonNode p : c.path("ports")) {
          exposed |= p.path("containerPort").asInt() == api.path("containerPort").asInt();
        }
      }
      if (!exposed) {
        error(
            "csv",
            "apiservicedefinition "
                + id
                + ": no container exposes port "
                + api.path("containerPort").asInt());
      }
    }
  }

  private void checkBundle(
      Path bundle, List<ObjectNode> manifests, JsonNode csv, List<ObjectNode> crds)
      throws IOException {
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode crd : crds) {
      if (byName.put(crd.at("/metadata/name").asText(), crd) != null) {
        error("bundle", "CRD " + crd.at("/metadata/name").asText() + " is in manifests/ twice");
      }
    }
    Set<String> owned = new HashSet<>();
    for (JsonNode o : csv.at("/spec/customresourcedefinitions/owned")) {
      String name = o.path("name").asText();
      owned.add(name);
      JsonNode crd = byName.get(name);
      if (crd == null) {
        error("bundle", "owned CRD " + name + " is not in manifests/");
        continue;
      }
      boolean served = false;
      for (JsonNode v : crd.at("/spec/versions")) {
        served |=
            v.path("name").asText().equals(o.path("version").asText())
                && v.path("served").asBoolean();
      }
      if (!served) {
        error(
            "bundle",
            "owned CRD " + name + " does not serve version " + o.path("version").asText());
      }
      if (!crd.at("/spec/names/kind").asText().equals(o.path("kind").asText())) {
        error("bundle", "owned CRD " + name + " has kind " + crd.at("/spec/names/kind").asText());
      }
    }
    for (String name : byName.keySet()) {
      if (!owned.contains(name)) {
        error("bundle", "CRD " + name + " is in manifests/ but not owned by the CSV");
      }
    }
    for (ObjectNode m : manifests) {
      if (!BundleRuleCatalog.SUPPORTED_KINDS.contains(kind(m))) {
        error("bundle", Manifests.id(m) + ": kind " + kind(m) + " is not supported in registry+v1");
      }
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz);
        Stream<Path> walk = Files.walk(bundle)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.write(Files.readAllBytes(f));
      }
    }
    if (gz.size() >= 1024 * 1024) {
      error("bundle", "compressed bundle is " + gz.size() + " bytes, over 1 MiB");
    }
  }

  private void checkAnnotations(Path bundle, Map<String, String> a) throws IOException {
    String p = "operators.operatorframework.io.bundle.";
    expect(a, p + "mediatype.v1", "registry+v1");
    expect(a, p + "manifests.v1", "manifests/");
    expect(a, p + "metadata.v1", "metadata/");
    for (String key : List.of("package.v1", "channels.v1")) {
      if (a.getOrDefault(p + key, "").isEmpty()) {
        error("annotations", "missing " + p + key);
      }
    }
    List<String> channels = List.of(a.getOrDefault(p + "channels.v1", "").split(","));
    String def = a.get(p + "channel.default.v1");
    if (def != null && !channels.contains(def)) {
      error("annotations", "default channel " + def + " is not among " + channels);
    }
    Path dockerfile = bundle.resolve("bundle.Dockerfile");
    if (!Files.exists(dockerfile)) {
      error("annotations", "no bundle.Dockerfile");
      return;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dockerfile)) {
      if (line.startsWith("LABEL ") && line.contains("=")) {
        String kv = line.substring(6).strip();
        labels.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    if (!labels.equals(a)) {
      error(
          "annotations",
          "bundle.Dockerfile LABELs " + labels + " differ from annotations.yaml " + a);
    }
  }

  private void expect(Map<String, String> a, String key, String value) {
    if (!value.equals(a.get(key))) {
      error("annotations", key + " is " + a.get(key) + ", not " + value);
    }
  }

  private void checkOperatorHub(JsonNode csv) {
    JsonNode ann = csv.at("/metadata/annotations");
    if (!BundleRuleCatalog.CAPABILITIES.contains(ann.path("capabilities").asText())) {
      error(
          "operatorhub",
          "capabilities " + ann.path("capabilities").asText() + " is no capability level");
    }
    for (String c : ann.path("categories").asText().split(",")) {
      if (!BundleRuleCatalog.CATEGORIES.contains(c.strip())) {
        error("operatorhub", "category " + c.strip() + " is not an OperatorHub category");
      }
    }
    for (String f : List.of("containerImage", "description", "repository")) {
      if (ann.path(f).asText().isEmpty()) {
        error("operatorhub", "annotation " + f + " is missing");
      }
    }
    if (!BundleRuleCatalog.URL.matcher(ann.path("repository").asText()).matches()) {
      error("operatorhub", "repository is no URL");
    }
    JsonNode spec = csv.get("spec");
    for (String f : List.of("displayName", "description", "maturity")) {
      if (spec.path(f).asText().isEmpty()) {
        error("operatorhub", "spec." + f + " is missing");
      }
    }
    if (spec.path("keywords").isEmpty()) {
      error("operatorhub", "spec.keywords is empty");
    }
    if (spec.at("/provider/name").asText().isEmpty()) {
      error("operatorhub", "spec.provider.name is missing");
    }
    JsonNode icons = spec.path("icon");
    if (icons.size() != 1) {
      error("operatorhub", "spec.icon has " + icons.size() + " icons, not one");
    }
    for (JsonNode icon : icons) {
      if (!BundleRuleCatalog.ICON_TYPES.contains(icon.path("mediatype").asText())) {
        error(
            "operatorhub",
            "icon mediatype " + icon.path("mediatype").asText() + " is not supported");
      }
      try {
        if (Base64.getDecoder().decode(icon.path("base64data").asText()).length == 0) {
          error("operatorhub", "icon base64data is empty");
        }
      } catch (IllegalArgumentException e) {
        error("operatorhub", "icon base64data is no base64");
      }
    }
    if (spec.path("maintainers").isEmpty()) {
      error("operatorhub", "spec.maintainers is empty");
    }
    for (JsonNode m : spec.path("maintainers")) {
      if (m.path("name").asText().isEmpty()
          || !BundleRuleCatalog.EMAIL.matcher(m.path("email").asText()).matches()) {
        error("operatorhub", "maintainer " + m + " needs a name and a valid email");
      }
    }
    for (JsonNode l : spec.path("links")) {
      if (l.path("name").asText().isEmpty()
          || !BundleRuleCatalog.URL.matcher(l.path("url").asText()).matches()) {
        error("operatorhub", "link " + l + " needs a name and a valid URL");
      }
    }
    if (!BundleRuleCatalog.SEMVER.matcher(spec.path("minKubeVersion").asText()).matches()) {
      error(
          "operatorhub",
          "minKubeVersion " + spec.path("minKubeVersion").asText() + " is no semver");
    }
  }

  private void checkGoodPractices(JsonNode csv, Map<String, String> annotations) {
    for (JsonNode d : csv.at("/spec/install/spec/deployments")) {
      for (JsonNode c : d.at("/spec/template/spec/containers")) {
        JsonNode requests = c.at("/resources/requests");
        if (requests.path("cpu").isMissingNode() || requests.path("memory").isMissingNode()) {
          error(
              "good-practices",
              "container "
                  + d.path("name").asText()
                  + "/"
                  + c.path("name").asText()
                  + " does not request CPU and memory");
        }
      }
    }
    for (String kind : List.of("clusterPermissions", "permissions")) {
      for (JsonNode p : csv.at("/spec/install/spec/" + kind)) {
        for (JsonNode rule : p.path("rules")) {
          boolean crds =
              has(rule.path("apiGroups"), "apiextensions.k8s.io")
                  && (has(rule.path("resources"), "customresourcedefinitions")
                      || has(rule.path("resources"), "*"));
          for (JsonNode verb : rule.path("verbs")) {
            if (crds && BundleRuleCatalog.WRITE_VERBS.contains(verb.asText())) {
              error(
                  "good-practices",
                  kind
                      + " of "
                      + p.path("serviceAccountName").asText()
                      + " may "
                      + verb.asText()
                      + " CRDs");
            }
          }
          for (String f : List.of("verbs", "resources", "apiGroups")) {
            if (has(rule.path(f), "*")) {
              error(
                  "good-practices",
                  kind
                      + " of "
                      + p.path("serviceAccountName").asText()
                      + " has a wildcard in "
                      + f);
            }
          }
        }
      }
    }
    String channels =
        annotations.getOrDefault("operators.operatorframework.io.bundle.channels.v1", "");
    for (String ch : channels.split(",")) {
      if (!ch.matches("(candidate|stable|fast)(-.*)?")) {
        error("good-practices", "channel " + ch + " does not start with candidate, stable or fast");
      }
    }
  }

  private static boolean has(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonNode m) {
    return m.path("kind").asText();
  }

  private static Map<String, String> annotations(Path bundle) throws IOException {
    Path file = bundle.resolve("metadata/annotations.yaml");
    Map<String, String> a = new LinkedHashMap<>();
    if (Files.exists(file)) {
      Manifests.parseAll(Files.readString(file))
          .get(0)
          .path("annotations")
          .fields()
          .forEachRemaining(e -> a.put(e.getKey(), e.getValue().asText()));
    }
    return a;
  }
}
