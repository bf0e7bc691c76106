package io.kubetel.crds.generator;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.dashboard.Dashboard;
import io.kubetel.crds.tenant.TelemetryTenant;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the CustomResourceDefinitions of the kubetel.io kinds; the build runs it once the classes
 * are compiled ({@code crds/pom.xml}, phase process-classes). It is fabric8's crd-generator, driven
 * by the annotations on the types, plus the one step no annotation can express, done through the
 * generator's own post-processing hook: the printer columns come out in the order the kind declares
 * its {@link AdditionalPrinterColumn}s (the generator sorts them by JSONPath, which put Age first).
 */
public final class CrdGeneration {

  /** The kinds whose CRDs are generated. */
  static final List<Class<? extends HasMetadata>> KINDS =
      List.of(TelemetryTenant.class, AlertRule.class, Dashboard.class);

  private CrdGeneration() {}

  /** Writes the CRDs into the directory named by the one argument (created if missing). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CrdGeneration OUTPUT_DIRECTORY");
    }
    int written = generate(Files.createDirectories(Path.of(args[0])).toFile());
    if (written != KINDS.size()) {
      throw new IllegalStateException("expected " + KINDS.size() + " CRDs, wrote " + written);
    }
  }

  /** Writes one {@code <plural>.kubetel.io-v1.yml} per kind into {@code directory}. */
  static int generate(File directory) {
    return new CRDGenerator()
        .inOutputDir(directory)
        .forCRDVersions("v1")
        .customResourceClasses(KINDS)
        .withPostProcessor(
            new CRDPostProcessor() {
              @Override
              public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
                return inDeclaredColumnOrder((CustomResourceDefinition) crd);
              }
            })
        .generate();
  }

  /** Sorts each version's printer columns into the order of the kind's annotations. */
  static CustomResourceDefinition inDeclaredColumnOrder(CustomResourceDefinition crd) {
    List<String> declared =
        Arrays.stream(kind(crd).getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns = version.getAdditionalPrinterColumns();
      if (columns != null) {
        columns.sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
      }
    }
    return crd;
  }

  private static Class<?> kind(CustomResourceDefinition crd) {
    String kind = crd.getSpec().getNames().getKind();
    return KINDS.stream()
        .filter(k -> k.getSimpleName().equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no Java type for kind " + kind));
  }
}
