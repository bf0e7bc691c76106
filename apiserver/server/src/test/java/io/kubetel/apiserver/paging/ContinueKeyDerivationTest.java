package io.kubetel.apiserver.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.security.PemFiles;
import io.kubetel.apiserver.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continue-token key derived from the serving certificate's private key (cluster mode without a
 * key file): replicas mounting the same certificate accept each other's tokens, a different
 * certificate does not, and after a rotation the old tokens are rejected as issued elsewhere.
 */
class ContinueKeyDerivationTest {
  final MutableClock clock = new MutableClock(ContinueTokensTest.NOW);
  final ContinueToken token = new ContinueTokensTest().token;

  @TempDir Path dir;

  /** A fresh private key in PEM, as OLM or cert-manager mounts it. */
  private Path privateKey(String name, String algorithm) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      generator.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      generator.initialize(2048);
    }
    return Files.writeString(
        dir.resolve(name), PemFiles.toPem(generator.generateKeyPair().getPrivate()));
  }

  private String issue(ContinueTokens tokens) {
    return tokens.issue(token);
  }

  private ContinueToken verify(ContinueTokens tokens, String text) {
    return tokens.verify(text, token.resource(), token.namespace(), token.selectorHash());
  }

  private ContinueTokens tokens(ContinueKey key) {
    return new ContinueTokens(key, Duration.ofMinutes(15), clock);
  }

  @Test
  void replicasMountingTheSameCertificateAcceptEachOthersTokens() throws Exception {
    Path key = privateKey("apiserver.key", "EC");
    // The second replica reads its own mount of the same Secret.
    Path sameKeyElsewhere = Files.copy(key, dir.resolve("replica-2.key"));

    ContinueTokens replica1 = tokens(ContinueKey.derivedFrom(key));
    ContinueTokens replica2 = tokens(ContinueKey.derivedFrom(sameKeyElsewhere));
    String minted = issue(replica1);

    assertThat(verify(replica2, minted).cursor()).isEqualTo(token.cursor());
    assertThat(verify(replica1, issue(replica2)).cursor()).isEqualTo(token.cursor());
  }

  @Test
  void differentCertificatesDeriveDifferentKeys() throws Exception {
    for (String algorithm : new String[] {"EC", "RSA"}) {
      ContinueTokens one = tokens(ContinueKey.derivedFrom(privateKey("a-" + algorithm, algorithm)));
      ContinueTokens other =
          tokens(ContinueKey.derivedFrom(privateKey("b-" + algorithm, algorithm)));

      String minted = issue(one);
      assertThat(verify(one, minted).cursor()).isEqualTo(token.cursor());
      assertThatThrownBy(() -> verify(other, minted))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("signature does not match");
    }
  }

  @Test
  void theDerivedKeyIsNotTheRawPrivateKey() throws Exception {
    // The HMAC key is HKDF output, never the private key's bytes: a key file holding the private
    // key's encoding is a different key.
    Path key = privateKey("apiserver.key", "EC");
    byte[] encoded = PemFiles.readPrivateKey(key).getEncoded();

    String minted = issue(tokens(ContinueKey.derivedFrom(key)));

    assertThatThrownBy(() -> verify(tokens(new ContinueKey(encoded)), minted))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void afterARotationOldTokensAreRejectedAndNewOnesAccepted() throws Exception {
    Path key = privateKey("apiserver.key", "EC");
    AtomicReference<ContinueKey> current = new AtomicReference<>(ContinueKey.derivedFrom(key));
    ContinueTokens tokens = new ContinueTokens(current::get, Duration.ofMinutes(15), clock);
    String beforeRotation = issue(tokens);

    Files.copy(
        privateKey("rotated.key", "EC"), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    current.set(ContinueKey.derivedFrom(key));

    assertThatThrownBy(() -> verify(tokens, beforeRotation))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("issued by another server");
    assertThat(verify(tokens, issue(tokens)).cursor()).isEqualTo(token.cursor());
  }

  @Test
  void aFileWithoutAPrivateKeyIsRefusedNamingIt() throws Exception {
    Path notAKey = Files.writeString(dir.resolve("empty.key"), "not a key\n");

    assertThatThrownBy(() -> ContinueKey.derivedFrom(notAKey))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notAKey.toString());
  }
}
