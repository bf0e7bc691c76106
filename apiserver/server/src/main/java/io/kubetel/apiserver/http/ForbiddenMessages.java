package io.kubetel.apiserver.http;

import io.kubetel.apiserver.security.RequestInfo;
import io.kubetel.apiserver.security.UserInfo;

/**
 * The 403 Forbidden Status of a denied request, worded exactly as kube-apiserver words it
 * (responsewriters.Forbidden + apierrors.NewForbidden), e.g. {@code metrics.telemetry.kubetel.io is
 * forbidden: User "alice" cannot list resource "metrics" in API group "telemetry.kubetel.io" in the
 * namespace "shop"}, followed by {@code : <reason>} when the review gave one.
 */
public final class ForbiddenMessages {
  private ForbiddenMessages() {}

  /** The Status error for {@code user} denied {@code request} with {@code reason}. */
  public static ApiException forbidden(UserInfo user, RequestInfo request, String reason) {
    String message = message(user, request);
    if (reason != null && !reason.isEmpty()) {
      message = message + ": " + reason;
    }
    if (!request.resourceRequest()) {
      return new ApiException(403, "Forbidden", "forbidden: " + message, "", null, null);
    }
    String qualified =
        request.group().isEmpty() ? request.resource() : request.resource() + "." + request.group();
    String subject =
        request.name().isEmpty() ? qualified : qualified + " \"" + request.name() + "\"";
    return new ApiException(
        403,
        "Forbidden",
        subject + " is forbidden: " + message,
        request.group(),
        request.resource(),
        request.name().isEmpty() ? null : request.name());
  }

  /** kube-apiserver's forbiddenMessage(attributes). */
  static String message(UserInfo user, RequestInfo request) {
    String name = user == null ? "" : user.name();
    if (!request.resourceRequest()) {
      return String.format(
          "User %s cannot %s path %s", quote(name), request.verb(), quote(request.path()));
    }
    String scope =
        request.namespace().isEmpty()
            ? "at the cluster scope"
            : "in the namespace " + quote(request.namespace());
    return String.format(
        "User %s cannot %s resource %s in API group %s %s",
        quote(name), request.verb(), quote(request.resource()), quote(request.group()), scope);
  }

  private static String quote(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
