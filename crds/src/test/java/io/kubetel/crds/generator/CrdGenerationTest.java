package io.kubetel.crds.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's CRD generation: it writes one CRD per kind, the same bytes every time (so the
 * committed copies can be compared), and puts printer columns in the order the kind declares.
 */
class CrdGenerationTest {

  static final Path BUILT = Path.of("target", "classes", "META-INF", "fabric8");

  @Test
  void writesEveryKindExactlyAsTheBuildDid(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("META-INF").resolve("fabric8"); // created as on a fresh clone
    CrdGeneration.main(new String[] {dir.toString()});
    for (String plural : new String[] {"telemetrytenants", "alertrules", "dashboards"}) {
      String file = plural + ".kubetel.io-v1.yml";
      assertThat(Files.readString(dir.resolve(file)))
          .isEqualTo(Files.readString(BUILT.resolve(file)));
    }
  }

  @Test
  void columnsAreSortedIntoTheKindsDeclarationOrder() {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewSpec()
            .withNewNames()
            .withKind("AlertRule")
            .endNames()
            .addNewVersion()
            .withName("v1alpha1")
            .addNewAdditionalPrinterColumn()
            .withName("Age")
            .endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn()
            .withName("State")
            .endAdditionalPrinterColumn()
            .addNewAdditionalPrinterColumn()
            .withName("Ready")
            .endAdditionalPrinterColumn()
            .endVersion()
            .endSpec()
            .build();
    assertThat(
            CrdGeneration.inDeclaredColumnOrder(crd)
                .getSpec()
                .getVersions()
                .get(0)
                .getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Ready", "State", "Age");
  }

  @Test
  void anUnknownKindOrAMissingDirectoryIsAnError() {
    CustomResourceDefinition other =
        new CustomResourceDefinitionBuilder()
            .withNewSpec()
            .withNewNames()
            .withKind("Other")
            .endNames()
            .endSpec()
            .build();
    assertThatThrownBy(() -> CrdGeneration.inDeclaredColumnOrder(other))
        .hasMessageContaining("no Java type for kind Other");
    assertThatThrownBy(() -> CrdGeneration.main(new String[0])).hasMessageContaining("usage");
  }
}
