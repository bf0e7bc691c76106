package io.kubetel.packaging;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one project version (the Maven version without {@code -SNAPSHOT}) and what follows from it:
 * the chart's version and appVersion, the CSV's name, {@code replaces} (the newest earlier release)
 * and {@code skipRange} (every earlier version).
 *
 * @param version the semantic version, e.g. {@code 0.1.0}
 * @param replaces the newest released version before it, if any
 */
public record ProjectVersion(String version, Optional<String> replaces) {
  private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");

  /** Parses the Maven version, with {@code released} the versions published before (any order). */
  public static ProjectVersion of(String mavenVersion, List<String> released) {
    String v = mavenVersion.replaceFirst("-SNAPSHOT$", "");
    if (!SEMVER.matcher(v).matches()) {
      throw new IllegalArgumentException("project version is no x.y.z semantic version: " + v);
    }
    Optional<String> previous =
        released.stream()
            .filter(r -> SEMVER.matcher(r).matches())
            .filter(r -> compare(r, v) < 0)
            .max(ProjectVersion::compare);
    return new ProjectVersion(v, previous);
  }

  /** The ClusterServiceVersion's name. */
  public String csvName() {
    return "kubetel.v" + version;
  }

  /** The CSV that this one replaces, if any. */
  public Optional<String> replacesCsv() {
    return replaces.map(r -> "kubetel.v" + r);
  }

  /** Every earlier version may upgrade straight to this one. */
  public String skipRange() {
    return ">=0.0.0 <" + version;
  }

  static int compare(String a, String b) {
    return Comparator.<int[]>comparingInt(x -> x[0])
        .thenComparingInt(x -> x[1])
        .thenComparingInt(x -> x[2])
        .compare(parts(a), parts(b));
  }

  private static int[] parts(String v) {
    String[] p = v.split("\\.");
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
  }
}
