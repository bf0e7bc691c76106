package io.kubetel.apiserver.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.GeneralName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone-mode PKI under {@code <state-dir>/pki/}: a CA, a serving certificate for the
 * loopback names and an admin client certificate ({@code CN=kubetel-admin, O=system:masters}).
 *
 * <p>Generated on first start; reused while every file parses, the leaves chain to the CA, each key
 * matches its certificate, the serving certificate covers the loopback names and nothing expires
 * within {@link #RENEW_BEFORE}. Otherwise the whole set is regenerated (a new CA invalidates old
 * kubeconfigs, which is what one wants for a local development server).
 */
public final class StandalonePki {
  /** CN of the generated client certificate (the user kubectl acts as). */
  public static final String ADMIN_USER = "kubetel-admin";

  /** Group of the generated client certificate. */
  public static final String ADMIN_GROUP = "system:masters";

  static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
  private static final List<String> DNS_NAMES = List.of("localhost");
  private static final List<String> IP_ADDRESSES = List.of("127.0.0.1", "::1");
  private static final Logger log = LoggerFactory.getLogger(StandalonePki.class);

  private final Path dir;
  private final Clock clock;

  public StandalonePki(Path stateDir, Clock clock) {
    this.dir = stateDir.resolve("pki");
    this.clock = clock;
  }

  /** Paths of the PKI files. */
  public Path caCert() {
    return dir.resolve("ca.crt");
  }

  public Path caKey() {
    return dir.resolve("ca.key");
  }

  public Path servingCert() {
    return dir.resolve("apiserver.crt");
  }

  public Path servingKey() {
    return dir.resolve("apiserver.key");
  }

  public Path clientCert() {
    return dir.resolve("client.crt");
  }

  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /** Makes sure a valid PKI exists on disk, generating it when needed. */
  public void ensure() throws IOException {
    String problem = problem();
    if (problem == null) {
      log.info("event=pki_reused dir={}", dir);
      return;
    }
    log.info("event=pki_generating dir={} reason=\"{}\"", dir, problem);
    CertificateIssuer issuer = new CertificateIssuer(clock);
    CertificateIssuer.Issued ca = issuer.certificateAuthority("kubetel-standalone-ca", CA_VALIDITY);
    List<GeneralName> sans = new ArrayList<>();
    DNS_NAMES.forEach(dns -> sans.add(new GeneralName(GeneralName.dNSName, dns)));
    IP_ADDRESSES.forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
    CertificateIssuer.Issued serving = issuer.serving(ca, "kubetel-apiserver", sans, LEAF_VALIDITY);
    CertificateIssuer.Issued client =
        issuer.client(ca, ADMIN_USER, List.of(ADMIN_GROUP), LEAF_VALIDITY);
    // Keys first: a crash between writes leaves certificates without matching keys, which the next
    // start detects and regenerates.
    write(ca, caCert(), caKey());
    write(serving, servingCert(), servingKey());
    write(client, clientCert(), clientKey());
  }

  private static void write(CertificateIssuer.Issued issued, Path cert, Path key)
      throws IOException {
    KeyPair keys = issued.keyPair();
    PemFiles.writePrivate(key, PemFiles.toPem(keys.getPrivate()));
    PemFiles.writePrivate(cert, PemFiles.toPem(issued.certificate()));
  }

  /** Why the PKI on disk cannot be reused, or null when it can. */
  String problem() {
    for (Path file :
        List.of(caCert(), caKey(), servingCert(), servingKey(), clientCert(), clientKey())) {
      if (!Files.isRegularFile(file)) {
        return "missing " + file.getFileName();
      }
    }
    try {
      X509Certificate ca = single(caCert());
      X509Certificate serving = single(servingCert());
      X509Certificate client = single(clientCert());
      Instant renewAt = clock.instant().plus(RENEW_BEFORE);
      for (X509Certificate certificate : List.of(ca, serving, client)) {
        if (certificate.getNotAfter().toInstant().isBefore(renewAt)) {
          return "certificate expires soon: " + certificate.getSubjectX500Principal().getName();
        }
      }
      serving.verify(ca.getPublicKey());
      client.verify(ca.getPublicKey());
      if (!PemFiles.keyMatches(PemFiles.readPrivateKey(caKey()), ca)
          || !PemFiles.keyMatches(PemFiles.readPrivateKey(servingKey()), serving)
          || !PemFiles.keyMatches(PemFiles.readPrivateKey(clientKey()), client)) {
        return "a key does not match its certificate";
      }
      if (!coversLoopback(serving.getSubjectAlternativeNames())) {
        return "serving certificate does not cover the loopback names";
      }
      return null;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return "unreadable: " + e.getClass().getSimpleName();
    }
  }

  private static X509Certificate single(Path file) throws IOException {
    List<X509Certificate> certificates = PemFiles.readCertificates(file);
    if (certificates.size() != 1) {
      throw new IOException("expected one certificate in " + file);
    }
    return certificates.get(0);
  }

  private static boolean coversLoopback(Collection<List<?>> sans) {
    if (sans == null) {
      return false;
    }
    Set<String> names = new java.util.HashSet<>();
    for (List<?> san : sans) {
      names.add(String.valueOf(san.get(1)));
    }
    // The JDK renders ::1 as 0:0:0:0:0:0:0:1.
    return names.contains("localhost")
        && names.contains("127.0.0.1")
        && (names.contains("0:0:0:0:0:0:0:1") || names.contains("::1"));
  }
}
