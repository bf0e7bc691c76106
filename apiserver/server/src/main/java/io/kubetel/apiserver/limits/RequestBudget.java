package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.model.store.ReadScope;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The work one request may still do: a deadline, a budget of rows received from storage, and
 * whether the client is still there. Created by {@link RequestBudgetHandler}; read loops call
 * {@link #checkpoint} before each storage read and {@link #charge} after it, on the worker thread,
 * so a list stops paging once its client disconnected or its deadline or rows budget ran out. The
 * rows charged are also what the audit line reports. Its {@link #reads() read scope} carries the
 * deadline into storage and stops reads already running in ClickHouse once the client is gone or
 * the deadline passed.
 */
public final class RequestBudget {
  /** Context key. */
  static final String KEY = "kubetel.budget";

  /** No limits: for handlers used without the router (unit tests). */
  public static final RequestBudget UNLIMITED =
      new RequestBudget(Clock.systemUTC(), Instant.MAX, Long.MAX_VALUE);

  private final Clock clock;
  private final Instant deadline;
  private final long maxRows;
  private final AtomicLong rows = new AtomicLong();
  private final ReadScope reads;
  private volatile boolean clientGone;

  RequestBudget(Clock clock, Instant deadline, long maxRows) {
    this.clock = clock;
    this.deadline = deadline;
    this.maxRows = maxRows;
    this.reads = deadline.equals(Instant.MAX) ? ReadScope.NONE : new ReadScope(clock, deadline);
  }

  /** The scope the request's storage reads run in (see {@link ReadScope#call}). */
  public ReadScope reads() {
    return reads;
  }

  /** The budget of the request of {@code context}; {@link #UNLIMITED} when none was set. */
  public static RequestBudget of(RoutingContext context) {
    RequestBudget budget = context.get(KEY);
    return budget == null ? UNLIMITED : budget;
  }

  /** The rows read from storage so far; -1 for a request that read none through a budget. */
  public static long rowsRead(RoutingContext context) {
    RequestBudget budget = context.get(KEY);
    return budget == null ? -1 : budget.rows.get();
  }

  /**
   * Marks the client as gone (or the answer as given): the next checkpoint stops the work, and
   * reads running in storage are cancelled.
   */
  void clientGone() {
    clientGone = true;
    reads.cancel();
  }

  /** Whether the client went away. */
  public boolean isClientGone() {
    return clientGone;
  }

  /**
   * Throws when the work must stop: the client is gone, or the deadline passed.
   *
   * @throws ApiException 499 (never delivered: the client is gone) or 504 Timeout
   */
  public void checkpoint() {
    if (clientGone) {
      throw new ApiException(499, "ClientClosedRequest", "the client closed the connection");
    }
    if (clock.instant().isAfter(deadline)) {
      throw new ApiException(
          504,
          "Timeout",
          "request did not complete within the allowed time (--request-timeout): narrow the"
              + " time window or add label/field selectors, or page with limit");
    }
  }

  /**
   * Adds {@code count} rows received from storage.
   *
   * @throws ApiException 400 once more than the budget was received
   */
  public void charge(long count) {
    long total = rows.addAndGet(count);
    if (total > maxRows) {
      throw ApiException.badRequest(
          "the request read more than "
              + maxRows
              + " rows from storage (--max-rows-per-request) without finishing; narrow the time"
              + " window or add selectors storage can apply, or page with limit");
    }
  }
}
