package io.kubetel.apiserver;

import io.kubetel.apiserver.security.PemFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the HMAC key that signs list continue tokens. Every replica behind one Service must use the
 * same key, or a token issued by one replica is rejected by another: cluster mode reads it from
 * {@code --continue-token-key-file} (e.g. a mounted Secret); standalone mode keeps one in {@code
 * <state-dir>/continue-token.key} so tokens survive restarts. Without either, a random per-process
 * key is used and a warning logged.
 */
final class ContinueKeys {
  private static final Logger log = LoggerFactory.getLogger(ContinueKeys.class);
  private static final int KEY_BYTES = 32;

  private ContinueKeys() {}

  static HandlerFactory.ContinueKey load(ApiServerConfig config) throws IOException {
    if (config.continueTokenKeyFile().isPresent()) {
      return fromFile(config.continueTokenKeyFile().get());
    }
    if (config.standalone()) {
      Path file = config.stateDir().orElseThrow().resolve("continue-token.key");
      if (!Files.isRegularFile(file)) {
        PemFiles.writePrivate(file, Base64.getEncoder().encodeToString(random()) + "\n");
      }
      return fromFile(file);
    }
    log.warn(
        "event=continue_key_random message=\"no --continue-token-key-file: continue tokens are"
            + " valid only on this replica until it restarts\"");
    return new HandlerFactory.ContinueKey(random());
  }

  /** A key file holds base64 text, or raw bytes when it is not base64. */
  private static HandlerFactory.ContinueKey fromFile(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    byte[] key;
    try {
      key = Base64.getDecoder().decode(new String(raw, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException notBase64) {
      key = raw;
    }
    if (key.length < KEY_BYTES) {
      throw new IllegalArgumentException(
          "continue-token key in " + file + " must hold at least " + KEY_BYTES + " bytes");
    }
    return new HandlerFactory.ContinueKey(key);
  }

  private static byte[] random() {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
