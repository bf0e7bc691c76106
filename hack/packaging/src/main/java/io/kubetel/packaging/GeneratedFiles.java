package io.kubetel.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * The generated files (path below the repository root → content) and the folders the generator owns
 * entirely: writes them, or lists how the files on disk differ (verify mode).
 *
 * @param files every generated file's content
 * @param ownedFolders folders holding nothing but generated files (others there are stale)
 */
public record GeneratedFiles(SortedMap<String, String> files, List<String> ownedFolders) {

  /** Writes every file and deletes the stale ones in the owned folders. */
  public void write(Path root) throws IOException {
    for (String stale : stale(root)) {
      Files.delete(root.resolve(stale));
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** How the files below {@code root} differ from the generated ones; empty when none do. */
  public List<String> drift(Path root) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path p = root.resolve(e.getKey());
      if (!Files.isRegularFile(p)) {
        problems.add("missing: " + e.getKey());
      } else if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
        problems.add("differs: " + e.getKey());
      }
    }
    for (String stale : stale(root)) {
      problems.add("not generated (stale): " + stale);
    }
    return problems;
  }

  private List<String> stale(Path root) throws IOException {
    List<String> stale = new ArrayList<>();
    for (String folder : ownedFolders) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile)
            .map(p -> root.relativize(p).toString().replace('\\', '/'))
            .filter(p -> !files.containsKey(p))
            .sorted()
            .forEach(stale::add);
      }
    }
    return stale;
  }
}
