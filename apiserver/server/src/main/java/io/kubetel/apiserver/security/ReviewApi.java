package io.kubetel.apiserver.security;

import java.util.Optional;

/**
 * The two questions this server asks kube-apiserver: who holds a bearer token (TokenReview) and may
 * a user do something (SubjectAccessReview). Blocking; callers cache the answers and run them on a
 * worker pool. Implemented by {@link KubernetesReviews}; tests substitute their own.
 */
public interface ReviewApi {

  /** The user the token belongs to, or empty when kube-apiserver does not authenticate it. */
  Optional<UserInfo> reviewToken(String token);

  /** kube-apiserver's decision for {@code user} doing {@code request}. */
  AccessDecision reviewAccess(UserInfo user, RequestInfo request);
}
