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
 * manifest, wrong annotations, OperatorHub metadata and good-practice violations.
 */
class BundleValidatorTest {
  private static final String CSV = "manifests/kubetel.clusterserviceversion.yaml";

  @TempDir Path tmp;

  @Test
  void theBundlePassesEveryRule() throws IOException {
    assertThat(BundleRules.validate(Repo.root().resolve(Packaging.BUNDLE))).isEmpty();
    assertThat(BundleRuleCatalog.RULES.keySet())
        .containsExactly("csv", "bundle", "annotations", "operatorhub", "good-practices");
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
