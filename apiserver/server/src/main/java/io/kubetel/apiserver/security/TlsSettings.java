package io.kubetel.apiserver.security;

import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the serving certificate and client CA come from, and the Vert.x TLS options built from them
 * (TLS 1.2/1.3 only).
 *
 * <p>Client certificates are <em>requested</em>, not required, at the TLS layer: kubelet probes of
 * {@code /livez} and {@code /readyz} carry none, so the handshake must succeed without one and the
 * authentication handler answers every other path with a 401 Status. A certificate that does not
 * chain to the client CA still fails the handshake.
 *
 * @param certFile serving certificate chain (PEM)
 * @param keyFile serving private key (PEM)
 *     <p>With {@code verifyInAuthenticators} (cluster mode with delegated authentication) the TLS
 *     layer accepts any client certificate, as kube-apiserver does ({@code RequestClientCert}), and
 *     the authenticators verify the chain against the front-proxy or client CA in force: those CAs
 *     come from a ConfigMap and change at run time, and a certificate of an unknown CA is then a
 *     401 Status instead of a failed handshake.
 * @param certFile serving certificate chain (PEM)
 * @param keyFile serving private key (PEM)
 * @param clientCaFile CA bundle client certificates must chain to; empty disables client certs
 *     (unless verified in authenticators)
 * @param verifyInAuthenticators request any client certificate and leave verification to the
 *     authenticators
 */
public record TlsSettings(
    Path certFile, Path keyFile, Optional<Path> clientCaFile, boolean verifyInAuthenticators) {
  private static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");

  /** Settings whose client certificates the TLS layer verifies against {@code clientCaFile}. */
  public TlsSettings(Path certFile, Path keyFile, Optional<Path> clientCaFile) {
    this(certFile, keyFile, clientCaFile, false);
  }

  /** The same files, verified in the authenticators instead of the TLS layer. */
  public TlsSettings verifiedInAuthenticators() {
    return new TlsSettings(certFile, keyFile, clientCaFile, true);
  }

  /** Options for creating the HTTPS server. */
  public HttpServerOptions apply(HttpServerOptions options) {
    options.setSsl(true).setKeyCertOptions(keyCert()).setEnabledSecureTransportProtocols(PROTOCOLS);
    if (verifyInAuthenticators) {
      options.setTrustOptions(AcceptAnyClientCertificate.OPTIONS).setClientAuth(ClientAuth.REQUEST);
    } else {
      clientCaFile.ifPresent(
          ca -> options.setTrustOptions(trust(ca)).setClientAuth(ClientAuth.REQUEST));
    }
    return options;
  }

  /** The same settings as {@link ServerSSLOptions}, for reloading a running server. */
  public ServerSSLOptions sslOptions() {
    ServerSSLOptions options = new ServerSSLOptions().setKeyCertOptions(keyCert());
    options.setEnabledSecureTransportProtocols(PROTOCOLS);
    if (verifyInAuthenticators) {
      options.setTrustOptions(AcceptAnyClientCertificate.OPTIONS).setClientAuth(ClientAuth.REQUEST);
    } else {
      clientCaFile.ifPresent(
          ca -> options.setTrustOptions(trust(ca)).setClientAuth(ClientAuth.REQUEST));
    }
    return options;
  }

  /** Files whose change means the TLS options must be reloaded. */
  public List<Path> watchedFiles() {
    return clientCaFile.isPresent()
        ? List.of(certFile, keyFile, clientCaFile.get())
        : List.of(certFile, keyFile);
  }

  private PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions()
        .setCertPath(certFile.toAbsolutePath().toString())
        .setKeyPath(keyFile.toAbsolutePath().toString());
  }

  private static PemTrustOptions trust(Path ca) {
    return new PemTrustOptions().addCertPath(ca.toAbsolutePath().toString());
  }
}
