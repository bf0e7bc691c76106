package io.kubetel.apiserver.e2e.hostile;

/**
 * One request of the hostile-input suite.
 *
 * @param field the input field under attack (e.g. {@code labelSelector.value})
 * @param attack the attack class
 * @param method GET or POST
 * @param path path and encoded query string
 * @param body JSON body of a POST, or null
 * @param expectNothing whether a successful answer must hold no item, object or series (the value
 *     is in a position where it can only match, and no stored telemetry has it)
 */
public record HostileRequest(
    String field, String attack, String method, String path, String body, boolean expectNothing) {

  /** A short description for failure reports (values may be huge). */
  public String describe() {
    String shown = path.length() > 160 ? path.substring(0, 160) + "…" : path;
    return field + " × " + attack + ": " + method + " " + shown;
  }
}
