package io.kubetel.apiserver.security;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * x509 client-certificate authentication as kube-apiserver does it: the peer chain must validate
 * (PKIX, no revocation) against the client CA, the leaf must allow client authentication; the user
 * is the subject CN and the groups are its O values.
 *
 * <p>TLS already validated the chain against the server's trust store; validating again here keeps
 * authentication correct even if the TLS layer trusts more CAs than this authenticator (e.g. a
 * front-proxy CA).
 */
public final class ClientCertificateAuthenticator implements Authenticator {
  private static final String CLIENT_AUTH_EKU = "1.3.6.1.5.5.7.3.2";
  private static final String ANY_EKU = "2.5.29.37.0";

  private final Set<TrustAnchor> anchors;

  /**
   * @param clientCas CA certificates client certificates must chain to
   */
  public ClientCertificateAuthenticator(List<X509Certificate> clientCas) {
    if (clientCas.isEmpty()) {
      throw new IllegalArgumentException("at least one client CA certificate is needed");
    }
    this.anchors =
        clientCas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
  }

  @Override
  public Optional<UserInfo> authenticate(RequestCredentials credentials) {
    List<X509Certificate> chain = credentials.peerChain();
    if (chain.isEmpty()) {
      return Optional.empty();
    }
    X509Certificate leaf = chain.get(0);
    validate(chain);
    try {
      List<String> usages = leaf.getExtendedKeyUsage();
      if (usages != null && !usages.contains(CLIENT_AUTH_EKU) && !usages.contains(ANY_EKU)) {
        throw new AuthenticationException("client certificate is not valid for client auth");
      }
    } catch (java.security.cert.CertificateParsingException e) {
      throw new AuthenticationException("client certificate cannot be parsed");
    }
    return Optional.of(userOf(leaf));
  }

  private void validate(List<X509Certificate> chain) {
    try {
      // The path excludes any self-signed root the client may have appended.
      List<X509Certificate> path = new ArrayList<>(chain);
      if (path.size() > 1) {
        X509Certificate last = path.get(path.size() - 1);
        if (last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
          path.remove(path.size() - 1);
        }
      }
      CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
    } catch (GeneralSecurityException e) {
      throw new AuthenticationException("client certificate is not signed by a trusted CA");
    }
  }

  static UserInfo userOf(X509Certificate leaf) {
    String cn = null;
    List<String> organizations = new ArrayList<>();
    try {
      LdapName name = new LdapName(leaf.getSubjectX500Principal().getName("RFC2253"));
      for (Rdn rdn : name.getRdns()) {
        if ("CN".equalsIgnoreCase(rdn.getType()) && cn == null) {
          cn = rdn.getValue().toString();
        } else if ("O".equalsIgnoreCase(rdn.getType())) {
          organizations.add(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      throw new AuthenticationException("client certificate subject cannot be parsed");
    }
    if (cn == null || cn.isBlank()) {
      throw new AuthenticationException("client certificate has no common name");
    }
    // RDNs come last-to-first from LdapName; keep the certificate's order for groups.
    java.util.Collections.reverse(organizations);
    return new UserInfo(cn, organizations, Map.of());
  }
}
