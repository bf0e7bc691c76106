package io.kubetel.alerting.service;

import io.kubetel.alerting.anomaly.AnomalyModels;
import io.kubetel.alerting.anomaly.AnomalyStatePersistence;
import io.kubetel.alerting.delivery.HttpDelivery;
import io.kubetel.alerting.delivery.NotificationDispatcher;
import io.kubetel.alerting.delivery.ReceiverSender;
import io.kubetel.alerting.delivery.SecretResolver;
import io.kubetel.alerting.delivery.Sleeper;
import io.kubetel.alerting.evaluation.AlertEvaluator;
import io.kubetel.alerting.evaluation.QueryRunners;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.model.alerts.AlertHistory;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting component a host runs (the operator's leader, or the standalone API server): the
 * evaluator and the dispatcher on bounded pools, a ticker, and the restore from kubetel's own
 * database before the first evaluation (retried each tick while the database is unreachable, so a
 * restart never re-notifies what the last process already sent).
 */
public final class AlertingService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertingService.class);

  private final AlertingSettings settings;
  private final Clock clock;
  private final AlertEvaluator evaluator;
  private final NotificationDispatcher dispatcher;
  private final ThreadPoolExecutor evaluationPool;
  private final ThreadPoolExecutor deliveryPool;
  private final ScheduledExecutorService ticker;
  private final GroupCommitHistory history;
  private volatile boolean restored;
  private volatile AnomalyStatePersistence anomalyState;
  private volatile AnomalyModels anomalyModels;

  /** How often the Anomaly condition's learned state is saved (and once more on close). */
  public static final java.time.Duration ANOMALY_STATE_SAVE_INTERVAL =
      java.time.Duration.ofMinutes(5);

  public AlertingService(
      AlertingSettings settings,
      QueryRunners runners,
      AlertHistory history,
      SecretResolver secrets,
      Clock clock) {
    this.settings = settings;
    this.clock = clock;
    VersionClock versions = new VersionClock(clock);
    this.history = new GroupCommitHistory(history);
    history = this.history;
    this.evaluationPool = pool("kubetel-alert-eval", settings.evaluationThreads(), 10_000);
    this.deliveryPool = pool("kubetel-alert-send", settings.deliveryThreads(), 10_000);
    this.ticker = Executors.newSingleThreadScheduledExecutor(threads("kubetel-alert-tick"));
    this.evaluator =
        new AlertEvaluator(runners, history, settings.database(), clock, evaluationPool, versions);
    ReceiverSender sender =
        new ReceiverSender(
            new HttpDelivery(settings.httpTimeout(), settings.retry(), Sleeper.REAL),
            secrets,
            clock);
    this.dispatcher =
        new NotificationDispatcher(
            history, settings.database(), sender, clock, versions, deliveryPool);
    GroupCommitHistory log = this.history;
    dispatcher.writeOutcomesWith(n -> log.recordBehind(settings.database(), n));
    evaluator.addListener(dispatcher);
  }

  /**
   * Persists the Anomaly condition's learned detectors in kubetel's own database: restored with the
   * rest of the state, saved every {@link #ANOMALY_STATE_SAVE_INTERVAL} and on close. Call before
   * {@link #start}, with the models the host's parser registered.
   */
  public AlertingService persisting(AnomalyModels models) {
    this.anomalyModels = models;
    this.anomalyState = new AnomalyStatePersistence(models, history, settings.database(), clock);
    return this;
  }

  /** Starts ticking; evaluations begin once the history is restored. */
  public AlertingService start() {
    long tick = settings.tick().toMillis();
    ticker.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    long save = ANOMALY_STATE_SAVE_INTERVAL.toMillis();
    ticker.scheduleWithFixedDelay(this::saveAnomalyState, save, save, TimeUnit.MILLISECONDS);
    log.info(
        "event=alerting_started database={} evaluation_threads={} delivery_threads={}",
        settings.database(),
        settings.evaluationThreads(),
        settings.deliveryThreads());
    return this;
  }

  private void tick() {
    try {
      if (!restored) {
        dispatcher.restore();
        evaluator.restore();
        if (anomalyState != null) {
          anomalyState.restore();
        }
        restored = true;
      }
      evaluator.tick(clock.instant());
    } catch (RuntimeException e) {
      log.warn("event=alerting_tick_failed restored={} error={}", restored, e.getMessage());
    }
  }

  private void saveAnomalyState() {
    if (restored && anomalyState != null) {
      anomalyState.save();
    }
  }

  /** Replaces the rules evaluated (the host's informer or directory decides which are valid). */
  public void replaceRules(Collection<AlertRuleDefinition> rules) {
    evaluator.replaceRules(rules);
    AnomalyModels models = anomalyModels;
    if (models != null) {
      // A deleted rule's detectors are dropped (and no longer saved).
      models.retain(
          rules.stream()
              .map(AlertRuleDefinition::key)
              .collect(java.util.stream.Collectors.toSet()));
    }
  }

  public AlertEvaluator evaluator() {
    return evaluator;
  }

  public NotificationDispatcher dispatcher() {
    return dispatcher;
  }

  /** Whether the state was restored and evaluations run. */
  public boolean running() {
    return restored;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    evaluationPool.shutdown();
    deliveryPool.shutdown();
    try {
      evaluationPool.awaitTermination(5, TimeUnit.SECONDS);
      deliveryPool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    saveAnomalyState(); // what was learned since the last periodic save
    history.close();
    log.info("event=alerting_stopped");
  }

  private static ThreadPoolExecutor pool(String name, int threads, int queue) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        60,
        TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queue),
        threads(name),
        new ThreadPoolExecutor.AbortPolicy());
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
