package io.kubetel.apiserver.security;

/**
 * The answer of an {@link Authorizer}: allowed or not, with the reviewer's reason (appended to the
 * Forbidden message as kube-apiserver does, when not empty).
 */
public record AccessDecision(boolean allowed, String reason) {
  public static final AccessDecision ALLOW = new AccessDecision(true, "");

  public AccessDecision {
    reason = reason == null ? "" : reason;
  }

  /** A denial with {@code reason}. */
  public static AccessDecision deny(String reason) {
    return new AccessDecision(false, reason);
  }
}
