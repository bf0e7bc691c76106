package io.kubetel.store.clickhouse;

import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.model.store.StoreLimitException;
import io.kubetel.model.store.StoreUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps client and server failures to kubetel's storage exceptions. ClickHouse's error code is only
 * in the message text ("Code: 158, ..."): the client's {@code getCode()} is 0 against 18.16.
 */
final class ClickHouseErrors {
  private static final Pattern CODE = Pattern.compile("Code: (\\d+)");

  static final int TOO_MANY_ROWS = 158;
  static final int TIMEOUT_EXCEEDED = 159;
  static final int TOO_SLOW = 160;
  static final int TOO_MANY_ROWS_OR_BYTES = 396;
  static final int MEMORY_LIMIT_EXCEEDED = 241;
  static final int UNKNOWN_USER = 192;
  static final int WRONG_PASSWORD = 193;
  static final int DATABASE_ACCESS_DENIED = 291;
  static final int ACCESS_DENIED = 497;
  static final int AUTHENTICATION_FAILED = 516;
  static final int TOO_MANY_SIMULTANEOUS_QUERIES = 202;

  private ClickHouseErrors() {}

  /** The ClickHouse error code in a message, or -1. */
  static int code(String message) {
    if (message == null) {
      return -1;
    }
    Matcher m = CODE.matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** The first ClickHouse error code in the messages of {@code error} and its causes, or -1. */
  static int code(Throwable error) {
    for (Throwable c = error; c != null; c = c.getCause()) {
      int code = code(c.getMessage());
      if (code > 0) {
        return code;
      }
    }
    return -1;
  }

  /** Maps a failure of {@code operation} ("select", "execute", ...) to a runtime exception. */
  static RuntimeException map(String operation, Throwable error) {
    Throwable t = error;
    while ((t instanceof ExecutionException
            || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof TimeoutException) {
      return new StoreUnavailableException(
          "ClickHouse did not answer in time (" + operation + ")", t);
    }
    int code = code(t);
    switch (code) {
      case TOO_MANY_ROWS:
        return new StoreLimitException(
            StoreLimitException.Limit.ROWS_READ,
            "the query would read too many rows; narrow the time window or add filters",
            t);
      case TOO_MANY_ROWS_OR_BYTES:
        return new StoreLimitException(
            StoreLimitException.Limit.RESULT_ROWS,
            "the result has too many rows; narrow the time window, add filters or use a larger"
                + " step",
            t);
      case MEMORY_LIMIT_EXCEEDED:
        // A tenant's max_memory_usage quota (or the server's): the same advice as too many rows.
        return new StoreLimitException(
            StoreLimitException.Limit.ROWS_READ,
            "the query needed more memory than allowed; narrow the time window or add filters",
            t);
      case DATABASE_ACCESS_DENIED:
      case ACCESS_DENIED:
        return new StoreAccessDeniedException(
            "ClickHouse refused the read: its user may not read this database (code " + code + ")",
            false,
            t);
      case UNKNOWN_USER:
      case WRONG_PASSWORD:
      case AUTHENTICATION_FAILED:
        return new StoreAccessDeniedException(
            "ClickHouse refused the user or password (code " + code + ")", true, t);
      case TOO_MANY_SIMULTANEOUS_QUERIES:
        // The user's max_concurrent_queries_for_user (a tenant's maxConcurrentQueries, which
        // ClickHouse counts over every connection, so over every API server replica), or the
        // server's max_concurrent_queries: nothing was read, a retry shortly may pass.
        return new StoreLimitException(
            StoreLimitException.Limit.CONCURRENT_QUERIES,
            "ClickHouse already runs as many queries of this user as it allows (the tenant's"
                + " maxConcurrentQueries, counted over every API server replica, or the server's"
                + " own limit); retry shortly",
            t);
      case TIMEOUT_EXCEEDED:
      case TOO_SLOW:
        return new StoreLimitException(
            StoreLimitException.Limit.EXECUTION_TIME,
            "the query took too long; narrow the time window or add filters",
            t);
      default:
        break;
    }
    if (code > 0) {
      return new ClickHouseQueryException(code, operation, t);
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException
          || c instanceof SocketTimeoutException
          || c instanceof UnknownHostException
          || c instanceof java.net.NoRouteToHostException
          || c instanceof com.clickhouse.client.api.ConnectionInitiationException
          || c instanceof com.clickhouse.client.api.ClientException
          || c instanceof java.io.IOException) {
        return new StoreUnavailableException(
            "ClickHouse is unreachable (" + operation + "): " + safeMessage(c), t);
      }
    }
    return new ClickHouseQueryException(-1, operation, t);
  }

  /** The first line of a message, without the SQL ClickHouse may echo back. */
  static String safeMessage(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    String first = nl >= 0 ? m.substring(0, nl) : m;
    int q = first.indexOf("(query:");
    if (q >= 0) {
      first = first.substring(0, q);
    }
    return first.length() > 300 ? first.substring(0, 300) + "..." : first;
  }
}
