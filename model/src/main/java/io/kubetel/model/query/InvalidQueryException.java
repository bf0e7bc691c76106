package io.kubetel.model.query;

import java.util.List;

/** A query the user wrote is not valid; the message says what is wrong (surfaced as 400). */
public class InvalidQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public InvalidQueryException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidQueryException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }
}
