package io.kubetel.model.query;

import io.kubetel.model.problem.InvalidInputException;
import java.util.List;

/**
 * A TelemetryQuery (or a filter inside one) is not valid: the messages say what is wrong, each
 * prefixed with its field where there is one. A kind of {@link InvalidInputException}, mapped the
 * same way.
 */
public class InvalidQueryException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(List<String> problems) {
    super(problems);
  }

  public InvalidQueryException(String problem) {
    super(problem);
  }
}
