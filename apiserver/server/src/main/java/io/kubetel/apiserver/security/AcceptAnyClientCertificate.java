package io.kubetel.apiserver.security;

import io.vertx.core.net.TrustOptions;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust manager of delegated authentication: accepts whatever client certificate is
 * presented so that the authenticators, which know the CAs in force (from the
 * extension-apiserver-authentication ConfigMap), verify it and answer 401 when it chains to none.
 * Never used for server certificates (this server is not a TLS client).
 */
final class AcceptAnyClientCertificate implements X509TrustManager {
  static final TrustOptions OPTIONS = TrustOptions.wrap(new AcceptAnyClientCertificate());

  private AcceptAnyClientCertificate() {}

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // verified by the authenticators
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws java.security.cert.CertificateException {
    throw new java.security.cert.CertificateException("not a TLS client");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
