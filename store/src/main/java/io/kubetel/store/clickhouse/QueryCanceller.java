package io.kubetel.store.clickhouse;

import io.kubetel.store.sql.SqlLiteral;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops reads whose caller gave up: sends {@code KILL QUERY WHERE query_id = ... ASYNC} for the
 * query id a read ran with. Called from whatever thread cancels (an event loop), so the statement
 * goes to one daemon thread of its own with a bounded queue; when the queue is full the read is
 * left to its own {@code max_execution_time}. A user may always kill its own queries, also with
 * {@code readonly} (tried on 18.16).
 */
final class QueryCanceller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QueryCanceller.class);
  private static final int QUEUE = 256;

  private final Consumer<String> execute;
  private final ThreadPoolExecutor thread;

  /**
   * @param execute runs one statement on the server as the gateway's user and waits for its end
   */
  QueryCanceller(Consumer<String> execute) {
    this.execute = execute;
    this.thread =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "kubetel-clickhouse-cancel");
              t.setDaemon(true);
              return t;
            });
  }

  /** The statement that stops query {@code queryId} without waiting for it to end. */
  static String killStatement(String queryId) {
    return "KILL QUERY WHERE query_id = " + SqlLiteral.string(queryId) + " ASYNC";
  }

  /** Asks the server to stop {@code queryId}; returns at once. */
  void cancel(String queryId) {
    try {
      thread.execute(() -> kill(queryId));
    } catch (RejectedExecutionException e) {
      log.warn("event=clickhouse_cancel_dropped query_id={} reason=queue_full", queryId);
    }
  }

  private void kill(String queryId) {
    try {
      execute.accept(killStatement(queryId));
      log.debug("event=clickhouse_query_cancelled query_id={}", queryId);
    } catch (RuntimeException e) {
      // The query may have ended meanwhile; its own execution limit still bounds it.
      log.info(
          "event=clickhouse_cancel_failed query_id={} error={}",
          queryId,
          e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
