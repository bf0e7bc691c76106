package io.kubetel.operator.conditions;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreSchemaException;
import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.store.clickhouse.ClickHouseQueryException;

/**
 * What a status condition or an Event may say about a failure: a sentence written for the object's
 * users. Exception messages stay out of it: they can name ClickHouse hosts and ports, echo SQL, or
 * carry the API server's wording about service accounts; the reconcilers log them ({@code
 * error=...}) next to the same event. Only messages the store writes for users pass through: a
 * {@link StoreSchemaException} names the missing or unreadable table, a {@link StoreLimitException}
 * says to narrow the query.
 */
public final class FailureText {

  private FailureText() {}

  /** A storage failure, for users. */
  public static String storage(Throwable e) {
    if (e instanceof StoreSchemaException || e instanceof StoreLimitException) {
      return e.getMessage();
    }
    if (e instanceof StoreUnavailableException) {
      return "ClickHouse cannot be reached or did not answer in time";
    }
    if (e instanceof ClickHouseQueryException q) {
      return "ClickHouse refused the statement" + (q.code() > 0 ? " (error " + q.code() + ")" : "");
    }
    if (e instanceof KubernetesClientException k) {
      return kubernetes(k);
    }
    return unexpected(e);
  }

  /** A refusal or failure of the Kubernetes API server, for users: status code and reason only. */
  public static String kubernetes(KubernetesClientException e) {
    String reason =
        e.getStatus() != null && e.getStatus().getReason() != null
            ? " " + e.getStatus().getReason()
            : "";
    return e.getCode() > 0
        ? "the Kubernetes API server answered HTTP " + e.getCode() + reason
        : "the Kubernetes API server could not be reached";
  }

  /** Anything else: what kind of error, and where the details are. */
  public static String unexpected(Throwable e) {
    return "an unexpected error ("
        + e.getClass().getSimpleName()
        + "; the operator's log has the details)";
  }
}
