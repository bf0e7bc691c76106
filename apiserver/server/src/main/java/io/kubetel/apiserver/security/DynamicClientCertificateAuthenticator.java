package io.kubetel.apiserver.security;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * x509 client-certificate authentication against a client CA that changes at run time: the {@code
 * client-ca-file} of the extension-apiserver-authentication ConfigMap, or a rotated {@code
 * --client-ca-file}. Each {@link #update} reaches the next request. Without a CA, client
 * certificates authenticate nobody.
 */
public final class DynamicClientCertificateAuthenticator implements Authenticator {
  private volatile ClientCertificateAuthenticator delegate;

  /** Replaces the client CA bundle; an empty one disables x509 authentication. */
  public void update(List<X509Certificate> clientCas) {
    delegate = clientCas.isEmpty() ? null : new ClientCertificateAuthenticator(clientCas);
  }

  @Override
  public Optional<UserInfo> authenticate(RequestCredentials credentials) {
    ClientCertificateAuthenticator current = delegate;
    if (credentials.peerChain().isEmpty()) {
      return Optional.empty();
    }
    if (current == null) {
      throw new AuthenticationException("no client CA is configured for client certificates");
    }
    return current.authenticate(credentials);
  }
}
