package io.kubetel.packaging;

import java.nio.file.Path;

/** Where the repository is, as the build tells the tests ({@code kubetel.root}). */
final class Repo {
  private Repo() {}

  static Path root() {
    String root = System.getProperty("kubetel.root");
    if (root == null) {
      throw new IllegalStateException("run through Maven: kubetel.root is not set");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Path chart() {
    return root().resolve(Packaging.CHART);
  }

  static Path resource(String name) {
    return root().resolve("hack/packaging/src/test/resources").resolve(name);
  }
}
