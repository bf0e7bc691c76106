package io.kubetel.apiserver.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A 422 Invalid about a named object with one cause per problem, rendered like kube-apiserver's
 * field errors ({@code details.causes[].field/message}) so kubectl prints {@code The <Kind>
 * "<name>" is invalid: <field>: <problem>} instead of repeating the whole message as one field-less
 * cause.
 */
public final class InvalidObjectException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** One field error: {@code field} (e.g. {@code spec.step}) and what is wrong with it. */
  public record Cause(String field, String message) {}

  private final List<Cause> causes;

  /**
   * @param kind the object's kind for {@code details.kind} (e.g. {@code TelemetryQuery})
   * @param name the object's name, or null when not known yet (then kubectl prints the message)
   * @param problems one {@code "field: problem"} per problem
   */
  public InvalidObjectException(String kind, String name, List<String> problems) {
    super(
        422,
        "Invalid",
        kind + (name == null ? "" : " \"" + name + "\"") + " is invalid: " + joined(problems),
        kind,
        name);
    List<Cause> parsed = new ArrayList<>();
    for (String p : problems) {
      int colon = p.indexOf(": ");
      parsed.add(
          colon < 0 ? new Cause("", p) : new Cause(p.substring(0, colon), p.substring(colon + 2)));
    }
    this.causes = List.copyOf(parsed);
  }

  /** The field errors, in order. */
  public List<Cause> causes() {
    return causes;
  }

  private static String joined(List<String> problems) {
    return problems.size() == 1 ? problems.get(0) : "[" + String.join(", ", problems) + "]";
  }
}
