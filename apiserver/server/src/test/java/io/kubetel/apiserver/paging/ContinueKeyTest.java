package io.kubetel.apiserver.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continue-token key: read from a file (base64 or raw), kept across restarts in standalone
 * mode, at least 32 bytes, never printed. "Same key" is checked the way users see it: a token one
 * server issued is accepted by the other.
 */
class ContinueKeyTest {
  final MutableClock clock = new MutableClock(ContinueTokensTest.NOW);
  final ContinueToken token = new ContinueTokensTest().token;

  @TempDir Path dir;

  private boolean sameKey(ContinueKey issuer, ContinueKey verifier) {
    String text = new ContinueTokens(issuer, Duration.ofMinutes(15), clock).issue(token);
    try {
      new ContinueTokens(verifier, Duration.ofMinutes(15), clock)
          .verify(text, token.resource(), token.namespace(), token.selectorHash());
      return true;
    } catch (RuntimeException rejected) {
      return false;
    }
  }

  @Test
  void aKeyFileHoldsBase64OrRawBytes() throws Exception {
    // Not valid base64 (spaces, punctuation), so the raw file is taken as it is.
    byte[] bytes = "raw key, not base64: 0123456789!!".getBytes(StandardCharsets.US_ASCII);
    Path base64 = Files.writeString(dir.resolve("b64"), Base64.getEncoder().encodeToString(bytes));
    Path raw = Files.write(dir.resolve("raw"), bytes);

    assertThat(sameKey(ContinueKey.read(base64), new ContinueKey(bytes))).isTrue();
    assertThat(sameKey(ContinueKey.read(raw), new ContinueKey(bytes))).isTrue();
    assertThat(sameKey(ContinueKey.random(), new ContinueKey(bytes))).isFalse();
  }

  @Test
  void shortKeysAreRefusedNamingTheFile() throws Exception {
    Path file = Files.writeString(dir.resolve("short"), "c2hvcnQ=\n");

    assertThatThrownBy(() -> ContinueKey.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> new ContinueKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void standaloneKeepsOneKeyAcrossRestartsInAPrivateFile() throws Exception {
    Path file = dir.resolve("state/continue-token.key");

    ContinueKey first = ContinueKey.readOrCreate(file);
    ContinueKey afterRestart = ContinueKey.readOrCreate(file);

    assertThat(sameKey(first, afterRestart)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
  }

  @Test
  void neverPrintsTheKey() throws Exception {
    Path file = Files.writeString(dir.resolve("k"), "raw, not base64! ".repeat(3));

    assertThat(ContinueKey.read(file).toString()).isEqualTo("ContinueKey[<redacted>]");
  }
}
