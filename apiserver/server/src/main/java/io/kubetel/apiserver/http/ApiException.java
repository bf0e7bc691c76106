package io.kubetel.apiserver.http;

/**
 * An error to return to the client as a Kubernetes {@code Status} (kind Status, apiVersion v1,
 * status Failure) with this HTTP code, reason and message.
 *
 * <p>Reasons follow {@code metav1.StatusReason}: BadRequest (400), Unauthorized (401), Forbidden
 * (403), NotFound (404), MethodNotAllowed (405), NotAcceptable (406), AlreadyExists (409), Expired
 * (410), RequestEntityTooLarge (413), UnsupportedMediaType (415), Invalid (422), TooManyRequests
 * (429), InternalError (500), ServiceUnavailable (503), Timeout (504). {@link StatusMapper} makes
 * one from any failure.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final String kind;
  private final String name;
  private final String group;
  private Integer retryAfterSeconds;

  public ApiException(int code, String reason, String message) {
    this(code, reason, message, null, null);
  }

  /**
   * @param kind resource (plural) the error is about, for {@code details.kind}, or null
   * @param name object name for {@code details.name}, or null
   */
  public ApiException(int code, String reason, String message, String kind, String name) {
    this(code, reason, message, TelemetryApiGroup.GROUP, kind, name);
  }

  /**
   * An error about an object of another API group than telemetry's (standalone mode also serves
   * {@code kubetel.io}), for {@code details.group}.
   */
  public ApiException(
      int code, String reason, String message, String group, String kind, String name) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.group = group;
    this.kind = kind;
    this.name = name;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  public static ApiException notFound(String plural, String name) {
    // Kubernetes names the group-qualified resource: metrics.telemetry.kubetel.io "x" not found.
    String resource = plural + "." + TelemetryApiGroup.GROUP;
    return new ApiException(
        404, "NotFound", resource + " \"" + name + "\" not found", plural, name);
  }

  public static ApiException unavailable(String message) {
    return new ApiException(503, "ServiceUnavailable", message);
  }

  /**
   * 429 TooManyRequests with {@code Retry-After}: reserved for quotas, where kubectl retrying by
   * itself is what the user wants (never for a storage outage, which must fail fast).
   */
  public static ApiException tooManyRequests(String message, int retryAfterSeconds) {
    ApiException e = new ApiException(429, "TooManyRequests", message);
    e.retryAfterSeconds = retryAfterSeconds;
    return e;
  }

  /** Seconds for the {@code Retry-After} header, or null to send none. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** Resource plural for {@code details.kind}, or null. */
  public String kind() {
    return kind;
  }

  /** API group for {@code details.group}. */
  public String group() {
    return group;
  }

  /** Object name for {@code details.name}, or null. */
  public String name() {
    return name;
  }
}
