package io.kubetel.apiserver.customresources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The server-set metadata of an object read from a file, derived so it survives restarts: clients
 * (kubectl, the web UI's caches) must not see an unchanged object as new. The uid follows the
 * object's identity (kind, namespace, name) so editing a file keeps it; the resourceVersion follows
 * its content so editing a file changes it.
 */
final class StableMetadata {
  /** Resource versions stay below 2^53: JavaScript clients may read them as numbers. */
  private static final long RV_MASK = (1L << 52) - 1;

  private StableMetadata() {}

  /** The uid of {@code kind} {@code namespace/name}. */
  static String uid(String kind, String namespace, String name) {
    return UUID.nameUUIDFromBytes(
            (CustomResourceGroup.API_VERSION + "/" + kind + "/" + namespace + "/" + name)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A decimal resourceVersion of {@code content} (never 0, which means "any" to clients). */
  static String resourceVersion(String content) {
    byte[] hash = sha256(content);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (hash[i] & 0xff);
    }
    return Long.toString((value & RV_MASK) | 1);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
