package io.kubetel.apiserver.security;

/**
 * Decides whether an authenticated user may do what a request asks. May block (a
 * SubjectAccessReview): callers run it off the event loop. Standalone mode allows every
 * authenticated user ({@link #ALLOW_AUTHENTICATED}); cluster mode asks kube-apiserver ({@link
 * DelegatingAuthorizer}).
 */
public interface Authorizer {
  /** Every authenticated user may do everything (standalone mode, as before delegation). */
  Authorizer ALLOW_AUTHENTICATED = (user, request) -> AccessDecision.ALLOW;

  /** The decision for {@code user} doing {@code request}. */
  AccessDecision authorize(UserInfo user, RequestInfo request);
}
