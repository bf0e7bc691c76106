package io.kubetel.apiserver;

import io.kubetel.anomaly.scan.AnomalyScanner;
import io.kubetel.model.anomalies.AnomalyReader;
import io.kubetel.model.metrics.MetricReader;
import io.kubetel.store.anomalies.ClickHouseAnomalyStore;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts the anomaly scan in the API server: its own ClickHouse client and one scheduler thread
 * (never the event loop or the request worker pool), restore on the first run, a scan every
 * interval, state saved on stop. A failed scan is logged and retried at the next interval (a
 * restore that failed is retried first). Also the reader of the {@code anomalies} resource.
 */
final class AnomalyScanService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AnomalyScanService.class);

  private final AnomalyScanConfig config;
  private final ClickHouseGateway gateway;
  private final ClickHouseAnomalyStore store;
  private final AnomalyScanner scanner;
  private final ScheduledExecutorService scheduler;
  private boolean restored;

  AnomalyScanService(
      AnomalyScanConfig config, ClickHouseSettings clickhouse, MetricReader metrics, Clock clock) {
    this.config = config;
    this.gateway = new ClickHouseGateway(clickhouse);
    this.store = new ClickHouseAnomalyStore(gateway, config.systemDatabase(), clock);
    this.scanner = new AnomalyScanner(metrics, store, config.settings(), clock);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "kubetel-anomaly-scan");
              t.setDaemon(true);
              return t;
            });
  }

  /** What the {@code anomalies} resource reads. */
  AnomalyReader reader() {
    return store;
  }

  /** Starts scanning now and every interval. */
  void start() {
    long interval = config.settings().interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runOnce, 0, interval, TimeUnit.MILLISECONDS);
    log.info(
        "event=anomaly_scan_started system_database={} interval={}",
        config.systemDatabase(),
        config.settings().interval());
  }

  private void runOnce() {
    try {
      if (!restored) {
        scanner.restore();
        restored = true;
      }
      scanner.scan();
    } catch (RuntimeException e) {
      log.warn("event=anomaly_scan_failed error=\"{}\"", e.getMessage());
    }
  }

  /** Stops scanning and saves what the detectors learned. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
      if (restored) {
        scanner.saveState();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("event=anomaly_state_save_failed error=\"{}\"", e.getMessage());
    } finally {
      gateway.close();
    }
  }
}
