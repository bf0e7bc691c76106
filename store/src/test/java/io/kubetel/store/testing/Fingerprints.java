package io.kubetel.store.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fingerprints for the object names the in-memory store gives (series and log names). ClickHouse
 * computes its own in SQL; the contract only asks that names are stable, distinct and found again.
 */
final class Fingerprints {
  private Fingerprints() {}

  /** The first {@code length} hex digits of SHA-256 over the parts joined by the unit separator. */
  static String of(int length, String... parts) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Attributes as one string in key order. */
  static String canonical(Map<String, String> attributes) {
    return new TreeMap<>(attributes).toString();
  }
}
