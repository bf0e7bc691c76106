package io.kubetel.apiserver.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone PKI generation, reuse and the client-certificate authenticator on its output. */
class StandalonePkiTest {
  @TempDir Path state;

  private static X509Certificate cert(Path file) throws Exception {
    return PemFiles.readCertificates(file).get(0);
  }

  private static RequestCredentials chain(X509Certificate... certificates) {
    return new RequestCredentials(List.of(certificates), Map.of());
  }

  @Test
  void generatesOwnerOnlyFilesWithExpectedIdentities() throws Exception {
    StandalonePki pki = new StandalonePki(state, Clock.systemUTC());

    pki.ensure();

    for (Path file :
        List.of(pki.caKey(), pki.servingKey(), pki.clientKey(), pki.caCert(), pki.clientCert())) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as(file.toString())
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(pki.clientKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    X509Certificate serving = cert(pki.servingCert());
    assertThat(serving.getSubjectAlternativeNames())
        .extracting(san -> String.valueOf(san.get(1)))
        .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
    UserInfo user =
        new ClientCertificateAuthenticator(List.of(cert(pki.caCert())))
            .authenticate(chain(cert(pki.clientCert())))
            .orElseThrow();
    assertThat(user.name()).isEqualTo("kubetel-admin");
    assertThat(user.groups()).containsExactly("system:masters");
  }

  @Test
  void reusesValidPkiAndRegeneratesBrokenOrExpiring() throws Exception {
    StandalonePki pki = new StandalonePki(state, Clock.systemUTC());
    pki.ensure();
    String ca = Files.readString(pki.caCert());

    new StandalonePki(state, Clock.systemUTC()).ensure();
    assertThat(Files.readString(pki.caCert())).isEqualTo(ca);

    Files.writeString(pki.servingKey(), "garbage");
    new StandalonePki(state, Clock.systemUTC()).ensure();
    assertThat(Files.readString(pki.caCert())).isNotEqualTo(ca);

    String regenerated = Files.readString(pki.caCert());
    Clock nearExpiry = Clock.fixed(Instant.now().plus(Duration.ofDays(340)), ZoneOffset.UTC);
    assertThat(new StandalonePki(state, nearExpiry).problem()).contains("expires soon");
    new StandalonePki(state, nearExpiry).ensure();
    assertThat(Files.readString(pki.caCert())).isNotEqualTo(regenerated);
  }

  @Test
  void authenticatorRejectsForeignAndServerCertificates() throws Exception {
    StandalonePki ours = new StandalonePki(state.resolve("ours"), Clock.systemUTC());
    StandalonePki theirs = new StandalonePki(state.resolve("theirs"), Clock.systemUTC());
    ours.ensure();
    theirs.ensure();
    ClientCertificateAuthenticator authenticator =
        new ClientCertificateAuthenticator(List.of(cert(ours.caCert())));

    assertThatThrownBy(() -> authenticator.authenticate(chain(cert(theirs.clientCert()))))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("not signed by a trusted CA");
    assertThatThrownBy(() -> authenticator.authenticate(chain(cert(ours.servingCert()))))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("client auth");
    assertThat(authenticator.authenticate(chain())).isEmpty();
  }

  @Test
  void kubeconfigEmbedsCredentialsAndServer() throws Exception {
    StandalonePki pki = new StandalonePki(state, Clock.systemUTC());
    pki.ensure();
    Path kubeconfig = state.resolve("kubeconfig");

    KubeconfigWriter.write(kubeconfig, pki, "127.0.0.1", 6443);

    String text = Files.readString(kubeconfig);
    assertThat(text)
        .contains("server: https://127.0.0.1:6443")
        .contains("current-context: kubetel")
        .contains(
            "certificate-authority-data: "
                + java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(pki.caCert())));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kubeconfig)))
        .isEqualTo("rw-------");
  }
}
