package io.kubetel.apiserver.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubetel.model.json.Json;
import java.util.Locale;

/**
 * The {@code version.Info} document of {@code GET /version}: this server's own version (from the
 * jar manifest) and platform. Behind kube-apiserver clients see kube-apiserver's version instead;
 * this matters for kubectl pointed at a standalone server.
 */
public final class VersionInfo {
  private static final ObjectMapper MAPPER = Json.mapper();

  private VersionInfo() {}

  /** The version document. */
  public static ObjectNode document() {
    String version = implementationVersion();
    String[] parts = version.split("[.-]");
    ObjectNode info = MAPPER.createObjectNode();
    info.put("major", parts.length > 0 ? parts[0] : "0");
    info.put("minor", parts.length > 1 ? parts[1] : "0");
    info.put("gitVersion", "v" + version);
    info.put("gitCommit", "");
    info.put("gitTreeState", "");
    info.put("buildDate", "");
    info.put("goVersion", "");
    info.put("compiler", "java" + Runtime.version().feature());
    info.put("platform", os() + "/" + arch());
    return info;
  }

  private static String implementationVersion() {
    String version = VersionInfo.class.getPackage().getImplementationVersion();
    return version == null ? "0.0.0-dev" : version;
  }

  private static String os() {
    return System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
  }

  /** Go's names for architectures, as kubectl prints them. */
  private static String arch() {
    String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}
