package io.kubetel.apiserver.security;

import java.util.Optional;

/**
 * Turns a request's credentials into a user, like a kube-apiserver authenticator.
 *
 * <p>Authenticators are tried in order; the first one that returns a user wins. Implementations
 * return empty when the request carries no credentials of their kind, and throw {@link
 * AuthenticationException} when it carries credentials of their kind that are invalid.
 *
 * <p>Cluster mode behind kube-apiserver needs a request-header (front proxy) authenticator that
 * trusts {@code X-Remote-User}/{@code X-Remote-Group}/{@code X-Remote-Extra-*} only when the peer
 * certificate chains to the {@code requestheader-client-ca-file} CA and has an allowed CN (see
 * docs: ConfigMap {@code kube-system/extension-apiserver-authentication}). It is not implemented
 * yet: it plugs in here, before {@link ClientCertificateAuthenticator}.
 */
public interface Authenticator {

  /** The user the credentials prove, or empty when this authenticator does not apply. */
  Optional<UserInfo> authenticate(RequestCredentials credentials);
}
