package io.kubetel.alerting.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable id of a series within a rule: 16 hex digits of SHA-256 over the sorted labels, the
 * same in every process and release (events, notifications and dedup keys refer to it); {@code ""}
 * for a rule whose query does not group.
 */
public final class Fingerprints {
  private Fingerprints() {}

  public static String of(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(labels)
        .forEach(
            (k, v) ->
                canonical
                    .append(k.length())
                    .append(':')
                    .append(k)
                    .append(v.length())
                    .append(':')
                    .append(v));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
