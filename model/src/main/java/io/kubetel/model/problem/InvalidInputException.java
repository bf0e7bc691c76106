package io.kubetel.model.problem;

import java.util.List;

/**
 * Input a user wrote is not valid: a selector, a request parameter, a duration, a name or a field
 * of a query. Parsers and validators in every module throw this (never an HTTP type), with messages
 * written for users; each problem may name the field it is about ({@code spec.step: ...}).
 *
 * <p>The API server maps it by context (see {@code docs/api-resources.md}): 400 BadRequest for a
 * read's parameters, 422 Invalid with one cause per problem for an object being created. The
 * operator turns it into a {@code Valid=False} condition.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(String.join("; ", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  /** One message per problem, each optionally prefixed by its field ({@code field: problem}). */
  public List<String> problems() {
    return problems;
  }
}
