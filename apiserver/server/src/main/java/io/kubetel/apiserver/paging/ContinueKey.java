package io.kubetel.apiserver.paging;

import io.kubetel.apiserver.security.PemFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The HMAC-SHA256 key that signs list continue tokens. The only place that checks its size (at
 * least {@value #MIN_BYTES} bytes); it never prints its bytes. Every replica behind one Service
 * must share it, or a token issued by one replica is rejected by another: a key file they all
 * mount, or {@link #derivedFrom} the serving certificate's private key they all mount.
 */
public final class ContinueKey {
  /** The shortest key accepted: the HMAC-SHA256 output size. */
  public static final int MIN_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";

  /**
   * HKDF salt and info of {@link #derivedFrom}: fixed, so every replica derives the same key, and
   * specific to this use, so the derived key is unrelated to any other key derived from the same
   * private key. Changing them invalidates every outstanding token.
   */
  private static final byte[] HKDF_SALT =
      "io.kubetel.apiserver".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] HKDF_INFO =
      "kubetel continue-token HMAC key v1".getBytes(StandardCharsets.US_ASCII);

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

  /**
   * Derives a key from the private key in a PEM file with HKDF-SHA256 (RFC 5869): replicas that
   * mount the same serving certificate (as OLM gives every replica of an owned API service) agree
   * on it without a Secret of their own. The private key's secrecy is what keeps tokens
   * unforgeable; HKDF keeps the HMAC key from revealing anything about it.
   */
  public static ContinueKey derivedFrom(Path privateKeyFile) throws IOException {
    PrivateKey privateKey = PemFiles.readPrivateKey(privateKeyFile);
    byte[] material = privateKey.getEncoded();
    if (material == null || material.length < MIN_BYTES) {
      throw new IOException("the private key in " + privateKeyFile + " cannot be encoded");
    }
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(material, HKDF_SALT, HKDF_INFO));
    byte[] key = new byte[MIN_BYTES];
    hkdf.generateBytes(key, 0, key.length);
    return new ContinueKey(key, " derived from " + privateKeyFile);
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
