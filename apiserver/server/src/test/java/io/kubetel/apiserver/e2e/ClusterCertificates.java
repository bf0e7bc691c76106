package io.kubetel.apiserver.e2e;

import io.kubetel.apiserver.security.CertificateIssuer;
import io.kubetel.apiserver.security.CertificateIssuer.Issued;
import io.kubetel.apiserver.security.PemFiles;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * Certificates for a cluster-mode server under test, generated into a directory: a serving CA and
 * certificate for 127.0.0.1, further CAs and client certificates on demand, and HTTP clients or raw
 * TLS sockets presenting them (a raw socket may dial from another loopback address, so one test
 * machine can play several client addresses).
 */
final class ClusterCertificates {
  private static final Duration YEAR = Duration.ofDays(365);

  private final Path dir;
  private final CertificateIssuer issuer = new CertificateIssuer(Clock.systemUTC());
  private final Path servingCa;

  ClusterCertificates(Path dir) throws Exception {
    this.dir = dir;
    Issued ca = issuer.certificateAuthority("serving-ca", YEAR);
    Issued serving =
        issuer.serving(
            ca,
            "kubetel-apiserver",
            List.of(new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
            YEAR);
    servingCa = write("serving-ca.crt", ca.certificate());
    write("apiserver.crt", serving.certificate());
    write("apiserver.key", serving.keyPair().getPrivate());
  }

  /** The flags naming the serving certificate and key. */
  List<String> servingArgs() {
    return List.of(
        "--tls-cert-file",
        dir.resolve("apiserver.crt").toString(),
        "--tls-private-key-file",
        dir.resolve("apiserver.key").toString());
  }

  Path servingCa() {
    return servingCa;
  }

  /** A new certificate authority. */
  Issued ca(String name) throws Exception {
    return issuer.certificateAuthority(name, YEAR);
  }

  /** Writes {@code ca}'s certificate to {@code name} (a CA bundle file). */
  Path writeCa(String name, Issued ca) throws Exception {
    return write(name, ca.certificate());
  }

  /** The PEM of {@code ca}'s certificate. */
  static String pem(Issued ca) throws Exception {
    return PemFiles.toPem(ca.certificate());
  }

  /** A client certificate of {@code ca}, written as {@code <name>.crt}/{@code <name>.key}. */
  Path[] client(Issued ca, String name, String cn, List<String> groups) throws Exception {
    Issued cert = issuer.client(ca, cn, groups, YEAR);
    return new Path[] {
      write(name + ".crt", cert.certificate()), write(name + ".key", cert.keyPair().getPrivate())
    };
  }

  /** An HTTP/1.1 client trusting the server, presenting {@code cert} (null: none). */
  HttpClient httpClient(Path[] cert) throws Exception {
    return cert == null
        ? ApiServerProcess.httpClient(servingCa, null, null)
        : ApiServerProcess.httpClient(servingCa, cert[0], cert[1]);
  }

  /**
   * A TLS socket to {@code 127.0.0.1:port} dialled from {@code source} (any 127.x.y.z address),
   * presenting {@code cert} (null: none), with the handshake done.
   */
  SSLSocket socket(String source, int port, Path[] cert) throws Exception {
    Socket plain = new Socket();
    plain.bind(new InetSocketAddress(source, 0));
    plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    var context =
        cert == null
            ? ApiServerProcess.sslContext(servingCa, null, null)
            : ApiServerProcess.sslContext(servingCa, cert[0], cert[1]);
    SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket(plain, "127.0.0.1", port, true);
    socket.setSoTimeout(20_000);
    socket.startHandshake();
    return socket;
  }

  private Path write(String name, Object pemObject) throws Exception {
    Path file = dir.resolve(name);
    PemFiles.writePrivate(file, PemFiles.toPem(pemObject));
    return file;
  }
}
