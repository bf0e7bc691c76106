package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed bundle passes every operator-framework rule {@link BundleRules} checks, and a
 * broken copy of it fails each validator: a missing owned CRD, an unowned CRD, an APIService
 * manifest, wrong annotations, OperatorHub metadata, good-practice violations, alm-examples that
 * break their CRD's schema, and deprecated or not yet served API versions.
 */
class BundleValidatorTest {
  private static final String CSV = "manifests/kubetel.clusterserviceversion.yaml";

  @TempDir Path tmp;

  @Test
  void theBundlePassesEveryRule() throws IOException {
    assertThat(BundleRules.validate(Repo.root().resolve(Packaging.BUNDLE))).isEmpty();
    assertThat(BundleRuleCatalog.RULES.keySet())
        .containsExactly(
            "csv",
            "bundle",
            "annotations",
            "operatorhub",
            "good-practices",
            "alpha-deprecated-apis");
  }

  @Test
  void aBundleMissingAnOwnedCrdIsRejected() throws IOException {
    Path bundle = copy();
    Files.delete(bundle.resolve("manifests/dashboards.kubetel.io-v1.yml"));
    assertThat(BundleRules.validate(bundle))
        .containsExactly("[bundle] owned CRD dashboards.kubetel.io is not in manifests/");
  }

  @Test
  void anUnownedCrdAndAnApiServiceManifestAreRejected() throws IOException {
    Path bundle = copy();
    Files.writeString(
        bundle.resolve("manifests/extra.yaml"),
        Files.readString(bundle.resolve("manifests/dashboards.kubetel.io-v1.yml"))
                .replace("dashboards.kubetel.io", "panels.kubetel.io")
            + "---\napiVersion: apiregistration.k8s.io/v1\nkind: APIService\n"
            + "metadata: {name: v1alpha1.telemetry.kubetel.io}\n");
    assertThat(BundleRules.validate(bundle))
        .contains(
            "[bundle] CRD panels.kubetel.io is in manifests/ but not owned by the CSV",
            "[bundle] APIService/v1alpha1.telemetry.kubetel.io: kind APIService is not supported"
                + " in registry+v1");
  }

  @Test
  void csvRulesReject() throws IOException {
    Path bundle =
        copyWithCsv(
            csv -> {
              csv.with("spec").put("replaces", "kubetel.v" + csv.at("/spec/version").asText());
              ((ObjectNode) csv.at("/spec/apiservicedefinitions/owned/0"))
                  .put("deploymentName", "missing");
              ((ObjectNode) csv.at("/spec/installModes/1")).put("type", "OwnNamespace");
            });
    assertThat(BundleRules.validate(bundle))
        .contains(
            "[csv] spec.replaces names the CSV itself",
            "[csv] apiservicedefinition metrics.telemetry.kubetel.io names no deployment of the"
                + " CSV",
            "[csv] installModes: unknown or duplicate OwnNamespace");
  }

  @Test
  void annotationRulesReject() throws IOException {
    Path bundle = copy();
    Path annotations = bundle.resolve("metadata/annotations.yaml");
    Files.writeString(
        annotations, Files.readString(annotations).replace("registry+v1", "plain+v0"));
    assertThat(BundleRules.validate(bundle))
        .anyMatch(
            e ->
                e.startsWith(
                    "[annotations] operators.operatorframework.io.bundle.mediatype.v1 is plain+v0"))
        .anyMatch(e -> e.startsWith("[annotations] bundle.Dockerfile LABELs"));
  }

  @Test
  void operatorHubRulesReject() throws IOException {
    Path bundle =
        copyWithCsv(
            csv -> {
              csv.with("metadata").with("annotations").put("capabilities", "Everything");
              ((ObjectNode) csv.at("/spec/maintainers/0")).put("email", "not-an-email");
              ((ObjectNode) csv.at("/spec/icon/0")).put("mediatype", "image/bmp");
            });
    assertThat(BundleRules.validate(bundle))
        .contains(
            "[operatorhub] capabilities Everything is no capability level",
            "[operatorhub] icon mediatype image/bmp is not supported")
        .anyMatch(e -> e.startsWith("[operatorhub] maintainer"));
  }

  @Test
  void goodPracticesReject() throws IOException {
    Path bundle =
        copyWithCsv(
            csv -> {
              ((ObjectNode)
                      csv.at("/spec/install/spec/deployments/0/spec/template/spec/containers/0"))
                  .remove("resources");
              ArrayNode rules = (ArrayNode) csv.at("/spec/install/spec/clusterPermissions/0/rules");
              ObjectNode crdRule = rules.addObject();
              crdRule.putArray("apiGroups").add("apiextensions.k8s.io");
              crdRule.putArray("resources").add("customresourcedefinitions");
              crdRule.putArray("verbs").add("create");
            });
    Path annotations = bundle.resolve("metadata/annotations.yaml");
    Files.writeString(annotations, Files.readString(annotations).replace(": stable", ": alpha"));
    assertThat(BundleRules.validate(bundle))
        .contains(
            "[good-practices] container kubetel-apiserver/apiserver does not request CPU and memory",
            "[good-practices] clusterPermissions of kubetel-apiserver may create CRDs",
            "[good-practices] channel alpha does not start with candidate, stable or fast");
  }

  @Test
  void almExamplesThatBreakTheirCrdSchemasAreRejected() throws IOException {
    Path bundle =
        copyWithCsv(
            csv -> {
              ObjectNode annotations = (ObjectNode) csv.at("/metadata/annotations");
              ArrayNode examples = (ArrayNode) readJson(annotations.get("alm-examples").asText());
              ObjectNode tenant = (ObjectNode) examples.get(0).get("spec");
              tenant.set("retentoin", tenant.remove("retention"));
              tenant.put("deletionPolicy", "Forget");
              ((ArrayNode) tenant.get("namespaces")).set(0, tenant.textNode("Shop_Team"));
              ((ObjectNode) tenant.get("quotas")).put("maxQuerySeconds", "thirty");
              ObjectNode alert = (ObjectNode) examples.get(1);
              ((ObjectNode) alert.get("metadata")).put("name", "Checkout Latency");
              ((ObjectNode) alert.get("spec")).remove("query");
              ((ObjectNode) examples.get(2)).put("apiVersion", "kubetel.io/v1");
              annotations.put("alm-examples", examples.toString());
            });
    assertThat(BundleRules.validate(bundle))
        .contains(
            "[csv] alm-examples TelemetryTenant/shop: spec.retentoin: unknown field (the cluster"
                + " would drop it)",
            "[csv] alm-examples TelemetryTenant/shop: spec.quotas.maxQuerySeconds: must be of type"
                + " integer, is string")
        .anyMatch(
            e ->
                e.startsWith(
                    "[csv] alm-examples TelemetryTenant/shop: spec.deletionPolicy: unsupported value"
                        + " \"Forget\""))
        .anyMatch(
            e ->
                e.startsWith(
                    "[csv] alm-examples TelemetryTenant/shop: spec.namespaces[0]: \"Shop_Team\""
                        + " does not match"))
        .anyMatch(
            e ->
                e.startsWith(
                    "[csv] alm-examples AlertRule/Checkout Latency: metadata.name: \"Checkout"
                        + " Latency\" does not match"))
        .contains(
            "[csv] alm-examples AlertRule/Checkout Latency: spec: required field query is missing",
            "[csv] alm-examples Dashboard/service-overview: apiVersion kubetel.io/v1 is no"
                + " served version of dashboards.kubetel.io");
  }

  @Test
  void deprecatedAndNotYetServedApisAreRejected() throws IOException {
    Path bundle =
        copyWithCsv(csv -> ((ObjectNode) csv.get("spec")).put("minKubeVersion", "1.20.0"));
    Path pdb = bundle.resolve("manifests/kubetel-apiserver_policy_poddisruptionbudget.yaml");
    assertThat(BundleRules.validate(bundle))
        .containsExactly(
            "[alpha-deprecated-apis] PodDisruptionBudget/kubetel-apiserver: policy/v1"
                + " PodDisruptionBudget is served from Kubernetes 1.21, after minKubeVersion"
                + " 1.20.0");
    Files.writeString(pdb, Files.readString(pdb).replace("policy/v1", "policy/v1beta1"));
    Path role =
        bundle.resolve(
            "manifests/kubetel-aggregate-to-view_rbac_authorization_k8s_io_clusterrole.yaml");
    Files.writeString(
        role,
        Files.readString(role)
            .replace("rbac.authorization.k8s.io/v1", "rbac.authorization.k8s.io/v1beta1"));
    assertThat(BundleRules.validate(bundle))
        .containsExactlyInAnyOrder(
            "[alpha-deprecated-apis] ClusterRole/kubetel-aggregate-to-view:"
                + " rbac.authorization.k8s.io/v1beta1 ClusterRole is removed in Kubernetes 1.22"
                + " (kubetel supports 1.20 to 1."
                + DeprecatedApis.NEWEST
                + "): use rbac.authorization.k8s.io/v1",
            "[alpha-deprecated-apis] PodDisruptionBudget/kubetel-apiserver: policy/v1beta1"
                + " PodDisruptionBudget is removed in Kubernetes 1.25 (kubetel supports 1.20 to 1."
                + DeprecatedApis.NEWEST
                + "): use policy/v1");
  }

  private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path copy() throws IOException {
    Path bundle = tmp.resolve("bundle");
    Packaging.copyTree(Repo.root().resolve(Packaging.BUNDLE), bundle);
    return bundle;
  }

  private Path copyWithCsv(Consumer<ObjectNode> change) throws IOException {
    Path bundle = copy();
    Path csvFile = bundle.resolve(CSV);
    List<ObjectNode> docs = Manifests.parseAll(Files.readString(csvFile));
    change.accept(docs.get(0));
    Files.writeString(csvFile, Manifests.write(docs.get(0)));
    return bundle;
  }
}
