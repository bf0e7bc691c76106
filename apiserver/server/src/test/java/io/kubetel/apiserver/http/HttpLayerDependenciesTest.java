package io.kubetel.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code http} layer is below every resource: resources use its small API ({@link
 * ResourceRoute}, {@link ApiException}, {@link StatusMapper}), and it never imports a resource
 * package, so the two cannot form a cycle again.
 */
class HttpLayerDependenciesTest {
  private static final Path HTTP = Path.of("src/main/java/io/kubetel/apiserver/http");
  private static final List<String> ABOVE_HTTP =
      List.of(
          "resource",
          "metrics",
          "traces",
          "logs",
          "queries",
          "table",
          "watch",
          "paging",
          "selection",
          "discovery",
          "openapi");

  @Test
  void httpImportsNoResourcePackage() throws IOException {
    assertThat(HTTP).isDirectory();
    try (Stream<Path> files = Files.list(HTTP)) {
      List<Path> sources = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertThat(sources).as("Java sources of the http package").isNotEmpty();
      for (Path file : sources) {
        String source = Files.readString(file);
        for (String pkg : ABOVE_HTTP) {
          assertThat(source)
              .as("%s must not depend on io.kubetel.apiserver.%s", file.getFileName(), pkg)
              .doesNotContain("io.kubetel.apiserver." + pkg + ".");
        }
      }
    }
  }
}
