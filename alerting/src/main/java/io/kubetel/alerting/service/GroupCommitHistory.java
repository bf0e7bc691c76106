package io.kubetel.alerting.service;

import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.ConditionState;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.model.page.ListRequest;
import io.kubetel.model.page.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the history's writes: every caller still blocks until its rows are stored (the
 * evaluator stores before it notifies, the dispatcher logs before it sends), but the writes of all
 * callers waiting at that moment go in one insert per table. A thousand rules firing at once then
 * cost a handful of ClickHouse inserts instead of two thousand. Reads pass through.
 */
final class GroupCommitHistory implements AlertHistory, AutoCloseable {
  private final AlertHistory delegate;
  private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
  private final Thread flusher;
  private volatile boolean closed;

  private record Write(
      String database,
      List<AlertEvent> events,
      List<NotificationRecord> notifications,
      CompletableFuture<Void> done) {}

  GroupCommitHistory(AlertHistory delegate) {
    this.delegate = delegate;
    this.flusher = new Thread(this::run, "kubetel-alert-history");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public void append(String database, List<AlertEvent> events) {
    submit(new Write(database, events, List.of(), new CompletableFuture<>()));
  }

  @Override
  public void record(String database, NotificationRecord notification) {
    submit(new Write(database, List.of(), List.of(notification), new CompletableFuture<>()));
  }

  @Override
  public void record(String database, List<NotificationRecord> notifications) {
    submit(new Write(database, List.of(), notifications, new CompletableFuture<>()));
  }

  /** Queues {@code notification} for the next group commit without waiting for it. */
  void recordBehind(String database, NotificationRecord notification) {
    if (!closed) {
      queue.add(new Write(database, List.of(), List.of(notification), new CompletableFuture<>()));
    }
  }

  private void submit(Write w) {
    if (closed) {
      throw new IllegalStateException("the alert history writer is closed");
    }
    queue.add(w);
    try {
      w.done().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void run() {
    while (!closed) {
      List<Write> batch = new ArrayList<>();
      try {
        Write first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch);
      Map<String, List<Write>> byDatabase = new LinkedHashMap<>();
      batch.forEach(w -> byDatabase.computeIfAbsent(w.database(), d -> new ArrayList<>()).add(w));
      byDatabase.forEach(this::flush);
    }
  }

  private void flush(String database, List<Write> writes) {
    List<AlertEvent> events = new ArrayList<>();
    List<NotificationRecord> notifications = new ArrayList<>();
    writes.forEach(
        w -> {
          events.addAll(w.events());
          notifications.addAll(w.notifications());
        });
    try {
      if (!events.isEmpty()) {
        delegate.append(database, events);
      }
      if (!notifications.isEmpty()) {
        delegate.record(database, notifications);
      }
      writes.forEach(w -> w.done().complete(null));
    } catch (RuntimeException e) {
      writes.forEach(w -> w.done().completeExceptionally(e));
    }
  }

  @Override
  public List<AlertEvent> latestPerSeries(String database) {
    return delegate.latestPerSeries(database);
  }

  @Override
  public List<AlertEvent> list(String database, String namespace, int limit) {
    return delegate.list(database, namespace, limit);
  }

  @Override
  public Page<AlertEvent> page(String database, ListRequest request) {
    return delegate.page(database, request);
  }

  @Override
  public Optional<AlertEvent> find(String database, String namespace, String name) {
    return delegate.find(database, namespace, name);
  }

  @Override
  public List<NotificationRecord> latestNotifications(String database) {
    return delegate.latestNotifications(database);
  }

  @Override
  public void saveConditionStates(String database, List<ConditionState> states) {
    delegate.saveConditionStates(database, states);
  }

  @Override
  public List<ConditionState> latestConditionStates(String database) {
    return delegate.latestConditionStates(database);
  }

  @Override
  public void close() {
    closed = true;
    flusher.interrupt();
    Write w;
    while ((w = queue.poll()) != null) {
      w.done().completeExceptionally(new IllegalStateException("closed"));
    }
  }
}
