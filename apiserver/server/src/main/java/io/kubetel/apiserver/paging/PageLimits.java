package io.kubetel.apiserver.paging;

import io.kubetel.apiserver.http.ApiException;

/** Parses the {@code limit} query parameter. */
public final class PageLimits {
  /** The largest page a client may ask for. */
  public static final int MAX_LIMIT = 10_000;

  private PageLimits() {}

  /**
   * The page size: {@code limit} when given (1..10000, else 400), otherwise {@code serverPageSize}.
   */
  public static int parse(String limit, int serverPageSize) {
    if (limit == null || limit.isBlank()) {
      return serverPageSize;
    }
    int n;
    try {
      n = Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "limit \"" + limit + "\" must be an integer from 1 to " + MAX_LIMIT);
    }
    if (n < 1 || n > MAX_LIMIT) {
      throw ApiException.badRequest("limit " + n + " must be from 1 to " + MAX_LIMIT);
    }
    return n;
  }
}
