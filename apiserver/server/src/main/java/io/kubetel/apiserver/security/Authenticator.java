package io.kubetel.apiserver.security;

import java.util.Optional;

/**
 * Turns a request's credentials into a user, like a kube-apiserver authenticator.
 *
 * <p>Authenticators are tried in order; the first one that returns a user wins. Implementations
 * return empty when the request carries no credentials of their kind, and throw {@link
 * AuthenticationException} when it carries credentials of their kind that are invalid.
 *
 * <p>Standalone mode uses {@link ClientCertificateAuthenticator}; cluster mode chains {@link
 * RequestHeaderAuthenticator} (front proxy), {@link DynamicClientCertificateAuthenticator} (x509)
 * and {@link TokenAuthenticator} (TokenReview), as kube-apiserver orders them. Implementations may
 * block (TokenReview): the handler runs them on a worker pool in cluster mode.
 */
public interface Authenticator {

  /** The user the credentials prove, or empty when this authenticator does not apply. */
  Optional<UserInfo> authenticate(RequestCredentials credentials);
}
