package io.kubetel.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line of the generator: {@code generate ROOT VERSION} writes the chart's CRDs and
 * Chart.yaml and the OLM bundle below the repository ROOT; {@code verify ROOT VERSION} writes
 * nothing and exits 1 listing every file that differs from what would be generated (CI); {@code
 * baseline ROOT [VERSION]} writes the upgrade baseline of the version ({@link UpgradeBaseline}).
 */
public final class PackagingMain {
  private PackagingMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 3
        || !List.of("generate", "verify", "baseline").contains(args[0])) {
      System.err.println("usage: PackagingMain generate|verify|baseline ROOT [VERSION]");
      System.exit(2);
    }
    Path root = Path.of(args[1]).toAbsolutePath().normalize();
    String mavenVersion = args.length == 3 ? args[2] : rootPomVersion(root);
    if (args[0].equals("baseline")) {
      Path dir = new UpgradeBaseline(root, version(root, mavenVersion), released(root)).write();
      System.out.println("packaging: wrote the upgrade baseline " + root.relativize(dir));
      return;
    }
    Packaging packaging = new Packaging(root, version(root, mavenVersion));
    GeneratedFiles files = packaging.generate();
    if (args[0].equals("generate")) {
      files.write(root);
      System.out.println(
          "packaging: wrote " + files.files().size() + " files below charts/kubetel and bundle/");
      return;
    }
    List<String> drift = files.drift(root);
    if (drift.isEmpty()) {
      System.out.println("packaging: chart and bundle match crds/, the chart and the version");
      return;
    }
    System.err.println("packaging: chart or bundle out of date:");
    drift.forEach(d -> System.err.println("  " + d));
    System.err.println("regenerate and commit: hack/packaging.sh generate");
    System.exit(1);
  }

  /** The project version with the released versions listed in hack/packaging/released-versions. */
  static ProjectVersion version(Path root, String mavenVersion) throws java.io.IOException {
    return ProjectVersion.of(mavenVersion, released(root));
  }

  /** The versions listed in hack/packaging/released-versions. */
  static List<String> released(Path root) throws java.io.IOException {
    return Files.readAllLines(root.resolve("hack/packaging/released-versions")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  /** The root pom's project version (the first {@code <version>} after {@code </parent>}-less). */
  static String rootPomVersion(Path root) throws java.io.IOException {
    String pom = Files.readString(root.resolve("pom.xml"));
    int artifact = pom.indexOf("<artifactId>kubetel-parent</artifactId>");
    int start = pom.indexOf("<version>", artifact) + "<version>".length();
    return pom.substring(start, pom.indexOf("</version>", start)).strip();
  }
}
