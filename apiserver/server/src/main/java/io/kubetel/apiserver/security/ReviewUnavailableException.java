package io.kubetel.apiserver.security;

/**
 * A SubjectAccessReview could not be completed (kube-apiserver unreachable, timing out or failing).
 * Answered as kube-apiserver's own aggregated servers answer a failing authorizer: 500
 * InternalError; the message is written for users and names no host.
 */
public final class ReviewUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReviewUnavailableException(String message) {
    super(message);
  }
}
