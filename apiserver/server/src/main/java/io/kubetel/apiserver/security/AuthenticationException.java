package io.kubetel.apiserver.security;

/** Credentials were presented but are not acceptable (rendered as a 401 Unauthorized Status). */
public class AuthenticationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}
