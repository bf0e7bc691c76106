package io.kubetel.apiserver.limits;

import io.kubetel.apiserver.http.ApiException;
import io.kubetel.apiserver.http.StatusResponses;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * Gives every request its {@link RequestBudget} and the server's {@link WatchLimiter}, marks the
 * budget when the client goes away, and answers a request still running at its deadline with a 504
 * Timeout Status (watches excepted: they end at their own timeout). The work behind a timed-out
 * request stops at its next {@link RequestBudget#checkpoint}.
 */
public final class RequestBudgetHandler implements Handler<RoutingContext> {
  private final ServerLimits limits;
  private final WatchLimiter watches;
  private final Clock clock;

  public RequestBudgetHandler(ServerLimits limits, WatchLimiter watches, Clock clock) {
    this.limits = limits;
    this.watches = watches;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext context) {
    RequestBudget budget =
        new RequestBudget(
            clock, clock.instant().plus(limits.requestTimeout()), limits.maxRowsPerRequest());
    context.put(RequestBudget.KEY, budget);
    context.put(WatchLimiter.KEY, watches);
    long timer =
        isWatch(context)
            ? -1
            : context
                .vertx()
                .setTimer(limits.requestTimeout().toMillis(), id -> timeOut(context, budget));
    context.addEndHandler(
        done -> {
          budget.clientGone();
          if (timer >= 0) {
            context.vertx().cancelTimer(timer);
          }
        });
    context.next();
  }

  private static void timeOut(RoutingContext context, RequestBudget budget) {
    budget.clientGone(); // the answer is given now: what still runs must stop
    if (context.response().headWritten() || context.response().closed()) {
      return;
    }
    StatusResponses.write(
        context.response(),
        new ApiException(
            504,
            "Timeout",
            "request did not complete within the allowed time (--request-timeout): narrow the"
                + " time window or add label/field selectors, or page with limit"));
  }

  private static boolean isWatch(RoutingContext context) {
    String watch = context.request().getParam("watch");
    return "true".equals(watch) || "1".equals(watch);
  }
}
