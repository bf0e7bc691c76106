package io.kubetel.apiserver.paging;

import io.kubetel.apiserver.security.PemFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key that signs list continue tokens. The only place that checks its size (at
 * least {@value #MIN_BYTES} bytes); it never prints its bytes. Every replica behind one Service
 * must share it, or a token issued by one replica is rejected by another.
 */
public final class ContinueKey {
  /** The shortest key accepted: the HMAC-SHA256 output size. */
  public static final int MIN_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] bytes;

  /**
   * @throws IllegalArgumentException when {@code bytes} is shorter than {@value #MIN_BYTES}
   */
  public ContinueKey(byte[] bytes) {
    this(bytes, "");
  }

  private ContinueKey(byte[] bytes, String origin) {
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "continue-token key" + origin + " must hold at least " + MIN_BYTES + " bytes");
    }
    this.bytes = bytes.clone();
  }

  /** A fresh random key (valid for this process only). */
  public static ContinueKey random() {
    byte[] key = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(key);
    return new ContinueKey(key);
  }

  /** Reads a key file: base64 text, or raw bytes when it is not base64. */
  public static ContinueKey read(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    byte[] key;
    try {
      key = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException notBase64) {
      key = raw;
    }
    return new ContinueKey(key, " in " + file);
  }

  /** Reads {@code file}, first writing a random key (base64, mode 0600) there when it is absent. */
  public static ContinueKey readOrCreate(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      PemFiles.writePrivate(file, Base64.getEncoder().encodeToString(random().bytes) + "\n");
    }
    return read(file);
  }

  /** The key as a JCA key for {@code Mac.init}. */
  SecretKeySpec secretKey() {
    return new SecretKeySpec(bytes, ALGORITHM);
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "ContinueKey[<redacted>]";
  }
}
