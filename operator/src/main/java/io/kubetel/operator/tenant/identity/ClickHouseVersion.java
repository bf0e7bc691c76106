package io.kubetel.operator.tenant.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse server version ({@code SELECT version()}), for what depends on it: SQL access
 * control (CREATE USER, GRANT, SETTINGS PROFILE) exists from 20.4; before, users live in {@code
 * users.xml} only.
 */
public record ClickHouseVersion(int major, int minor) {
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  /** Parses {@code 20.4.1.2}, {@code 18.16.1}, {@code 26.7.1.1-stable}. */
  public static ClickHouseVersion parse(String version) {
    Matcher m = VERSION.matcher(version == null ? "" : version.trim());
    if (!m.find()) {
      throw new IllegalArgumentException("not a ClickHouse version: '" + version + "'");
    }
    return new ClickHouseVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Whether users, grants and settings profiles can be managed with SQL (20.4 and later). */
  public boolean hasSqlAccessControl() {
    return major > 20 || (major == 20 && minor >= 4);
  }
}
