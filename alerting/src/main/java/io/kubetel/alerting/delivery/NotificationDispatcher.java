package io.kubetel.alerting.delivery;

import io.kubetel.alerting.evaluation.AlertListener;
import io.kubetel.alerting.evaluation.Outcome;
import io.kubetel.alerting.evaluation.Templates;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.ReceiverTarget;
import io.kubetel.alerting.state.SeriesState;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.model.alerts.AlertHistory;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.model.alerts.NotificationRecord.Kind;
import io.kubetel.model.alerts.NotificationRecord.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides after every evaluation what each receiver of the rule must be told, and delivers it
 * through the notification log: a {@code PENDING} row before the request, {@code SENT} or {@code
 * FAILED} after. What a receiver is told is the difference between the rule's firing series (one
 * grouped message per rule) and the last notification it got: new or changed firing series, a
 * repeat after {@code repeatInterval}, or the resolve. A notification still {@code PENDING} (the
 * process died mid-delivery, or retries ran out) is sent again with the same id before anything
 * else — so a crash repeats at most that one message, with the same idempotency key, and loses
 * none.
 */
public final class NotificationDispatcher implements AlertListener {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  private final AlertHistory history;
  private final String database;
  private final ReceiverSender sender;
  private final Clock clock;
  private final VersionClock versions;
  private final Executor pool;

  private final Map<String, NotificationRecord> last = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Notification.Alert>> alerts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> failures = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile java.util.function.Consumer<NotificationRecord> outcomeLog;

  public NotificationDispatcher(
      AlertHistory history,
      String database,
      ReceiverSender sender,
      Clock clock,
      VersionClock versions,
      Executor pool) {
    this.history = history;
    this.database = database;
    this.sender = sender;
    this.clock = clock;
    this.versions = versions;
    this.pool = pool;
    this.outcomeLog = n -> history.record(database, n);
  }

  /**
   * How SENT/FAILED rows are written. By default synchronously; a host may write them behind (the
   * row only saves a repeat: losing it in a crash costs one repeat with the same id).
   */
  public NotificationDispatcher writeOutcomesWith(
      java.util.function.Consumer<NotificationRecord> writer) {
    this.outcomeLog = writer;
    return this;
  }

  /** Loads the newest notification of every receiver (call once before the first evaluation). */
  public void restore() {
    for (NotificationRecord n : history.latestNotifications(database)) {
      versions.observe(n.version());
      last.put(key(n.namespace() + "/" + n.rule(), n.receiver()), n);
    }
    log.info("event=notification_log_restored receivers={} database={}", last.size(), database);
  }

  /** Receivers of the rule whose last delivery was refused, with why. */
  public Map<String, String> failedReceivers(String ruleKey) {
    return Map.copyOf(failures.getOrDefault(ruleKey, Map.of()));
  }

  /** The newest notification-log row of a receiver, if any. */
  public Optional<NotificationRecord> lastNotification(String ruleKey, String receiver) {
    return Optional.ofNullable(last.get(key(ruleKey, receiver)));
  }

  @Override
  public void evaluated(AlertRuleDefinition rule, Outcome outcome) {
    if (outcome.error().isPresent()) {
      return; // a failed evaluation says nothing new about the alert
    }
    Instant now = outcome.evaluatedAt();
    Map<String, Notification.Alert> known =
        alerts.computeIfAbsent(rule.key(), k -> new ConcurrentHashMap<>());
    List<String> firing = new ArrayList<>();
    boolean muted = false;
    for (Map.Entry<String, SeriesState> e : outcome.state().series().entrySet()) {
      SeriesState s = e.getValue();
      if (s.state() != AlertSeriesState.Firing) {
        continue;
      }
      known.put(e.getKey(), alert(rule, e.getKey(), s));
      if (rule.silenced(s.labels(), now)) {
        muted = true;
      } else {
        firing.add(e.getKey());
      }
    }
    firing.sort(null);
    for (ReceiverTarget target : rule.receivers()) {
      String k = key(rule.key(), target.name());
      if (inFlight.contains(k)) {
        continue; // the next evaluation looks again
      }
      NotificationRecord prev = last.get(k);
      Optional<Notification> next = decide(rule, target, prev, firing, muted, now);
      if (next.isEmpty()) {
        continue;
      }
      boolean isNew = prev == null || !prev.id().equals(next.get().id());
      inFlight.add(k);
      try {
        pool.execute(() -> deliver(k, next.get(), target, isNew));
      } catch (RejectedExecutionException e) {
        inFlight.remove(k);
        log.warn("event=alert_delivery_deferred reason=pool_full rule={}", rule.key());
      }
    }
  }

  private Optional<Notification> decide(
      AlertRuleDefinition rule,
      ReceiverTarget target,
      NotificationRecord prev,
      List<String> firing,
      boolean muted,
      Instant now) {
    if (prev != null && prev.status() == Status.PENDING) {
      return Optional.of(notification(rule, target, prev.id(), prev.kind(), prev.fingerprints()));
    }
    if (!firing.isEmpty()) {
      boolean changed =
          prev == null || prev.kind() == Kind.RESOLVED || !prev.fingerprints().equals(firing);
      boolean repeat = !changed && !now.isBefore(prev.time().plus(rule.repeatInterval()));
      if (changed || repeat) {
        return Optional.of(notification(rule, target, newId(rule, target), Kind.FIRING, firing));
      }
      return Optional.empty();
    }
    if (prev != null && prev.kind() == Kind.FIRING && !muted) {
      return Optional.of(
          notification(rule, target, newId(rule, target), Kind.RESOLVED, prev.fingerprints()));
    }
    return Optional.empty();
  }

  private void deliver(String k, Notification n, ReceiverTarget target, boolean isNew) {
    try {
      List<String> fps = n.alerts().stream().map(Notification.Alert::fingerprint).toList();
      NotificationRecord pending =
          new NotificationRecord(
              n.rule().namespace(),
              n.rule().name(),
              target.name(),
              n.id(),
              n.kind(),
              fps,
              Status.PENDING,
              "",
              clock.instant(),
              versions.next());
      if (isNew) {
        history.record(database, pending); // before the request: a crash now means one repeat
      }
      last.put(k, pending);
      DeliveryResult result = sender.send(n, target);
      if (result.outcome() == DeliveryResult.Outcome.RETRY_LATER) {
        log.warn(
            "event=alert_delivery_pending rule={} receiver={} id={} detail=\"{}\"",
            n.rule().key(),
            target.name(),
            n.id(),
            result.detail());
        return;
      }
      Status status = result.sent() ? Status.SENT : Status.FAILED;
      NotificationRecord done =
          pending.with(
              status, result.sent() ? "" : result.detail(), clock.instant(), versions.next());
      last.put(k, done);
      Map<String, String> failed =
          failures.computeIfAbsent(n.rule().key(), r -> new ConcurrentHashMap<>());
      if (result.sent()) {
        failed.remove(target.name());
      } else {
        failed.put(target.name(), result.detail());
      }
      outcomeLog.accept(done);
    } catch (RuntimeException e) {
      // The log could not be written: nothing was sent for a new notification, or it was sent and
      // the next process repeats it once with the same id. The next evaluation tries again.
      log.warn(
          "event=notification_log_failed rule={} receiver={} error={}",
          n.rule().key(),
          target.name(),
          e.getMessage());
    } finally {
      inFlight.remove(k);
    }
  }

  private Notification notification(
      AlertRuleDefinition rule, ReceiverTarget target, String id, Kind kind, List<String> fps) {
    Map<String, Notification.Alert> known = alerts.getOrDefault(rule.key(), Map.of());
    List<Notification.Alert> list = new ArrayList<>();
    for (String fp : fps) {
      list.add(
          known.getOrDefault(
              fp, new Notification.Alert(fp, Map.of(), Double.NaN, clock.instant(), "", "")));
    }
    return new Notification(
        id, "kubetel/" + rule.key(), rule, target.name(), kind, list, clock.instant());
  }

  private static Notification.Alert alert(AlertRuleDefinition rule, String fp, SeriesState s) {
    Map<String, String> a = rule.annotations();
    return new Notification.Alert(
        fp,
        s.labels(),
        s.value(),
        s.firingSince() == null ? s.activeSince() : s.firingSince(),
        Templates.render(a.getOrDefault("summary", ""), s.value(), s.labels()),
        Templates.render(a.getOrDefault("description", ""), s.value(), s.labels()),
        s.details());
  }

  private String newId(AlertRuleDefinition rule, ReceiverTarget target) {
    return rule.key() + "/" + target.name() + "/" + Long.toString(versions.next(), 36);
  }

  private static String key(String ruleKey, String receiver) {
    return ruleKey + "/" + receiver;
  }
}
