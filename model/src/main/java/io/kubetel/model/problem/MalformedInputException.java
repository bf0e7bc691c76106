package io.kubetel.model.problem;

/**
 * Input that cannot be read at all: a body that is not JSON, not an object, of another kind or API
 * version. Unlike {@link InvalidInputException} (a readable object with invalid values, 422 on
 * create) this is always a 400 BadRequest, as kube-apiserver answers an undecodable body. Parsers
 * throw it so they need no HTTP type.
 */
public class MalformedInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String message) {
    super(message);
  }
}
