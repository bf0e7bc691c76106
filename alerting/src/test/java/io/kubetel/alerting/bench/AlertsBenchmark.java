package io.kubetel.alerting.bench;

import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.evaluation.Outcome;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.service.AlertingService;
import io.kubetel.alerting.service.AlertingSettings;
import io.kubetel.alerting.testing.RecordingReceiver;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.store.ClickHouseTelemetryStore;
import io.kubetel.store.alerts.ClickHouseAlertHistory;
import io.kubetel.store.testing.LocalClickHouse;
import io.kubetel.store.write.TelemetryBatch;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The alerting benchmark (hack/bench.sh alerts; not part of any test run): N AlertRules (default
 * 1000) on a 5 s interval with {@code for: 0} over trace data in a local ClickHouse, one webhook
 * receiver on loopback. Phase 1 (steady, nothing fires): evaluation lag behind the slot and process
 * CPU. Phase 2: error spans for every service are committed at once; delivery latency from that
 * commit until the receiver has each rule's notification (p50, p99). Prints and writes
 * alerting/target/bench/alerts-result.txt.
 */
class AlertsBenchmark {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("alertbench");

  static final int RULES = Integer.getInteger("kubetel.bench.rules", 1000);
  static final int SERVICES = Integer.getInteger("kubetel.bench.services", 100);
  static final int STEADY_SECONDS = Integer.getInteger("kubetel.bench.steady", 30);

  @Test
  void thousandRules() throws Exception {
    Instant start = Instant.now();
    write(start, false); // quiet data: OK spans for every service
    AlertRuleParser parser = new AlertRuleParser(ConditionTypes.standard());
    List<AlertRuleDefinition> rules = new ArrayList<>();
    for (int i = 0; i < RULES; i++) {
      // SERVICES distinct queries (rules on one service share one); thresholds differ.
      String svc = "svc-" + (i % SERVICES);
      rules.add(
          parser.parse(
              Rules.json(
                  "{'metadata':{'name':'r"
                      + i
                      + "','namespace':'bench'},'spec':{'interval':'5s','for':'0s',"
                      + "'query':{'signal':'traces','aggregation':'count','range':'1m','step':'1m',"
                      + "'filters':[{'key':'service','values':['"
                      + svc
                      + "']},{'key':'status','values':['Error']}]},"
                      + "'condition':{'comparator':'GreaterThan','threshold':"
                      + (i % 3)
                      + "},'receivers':[{'name':'hook','webhook':{'urlSecretRef':"
                      + "{'name':'s','key':'url'}}}]}}")));
    }
    try (RecordingReceiver receiver = new RecordingReceiver()) {
      Map<String, Instant> delivered = new ConcurrentHashMap<>();
      List<Long> lagMillis = new CopyOnWriteArrayList<>();
      ClickHouseTelemetryStore store = ch.store();
      AlertingService service =
          new AlertingService(
              AlertingSettings.defaults(ch.database() + "_sys"),
              ns -> store,
              new ClickHouseAlertHistory(ch.gateway()),
              (ns, ref) -> Optional.of(receiver.url("/hook")),
              Clock.systemUTC());
      service.evaluator().addListener((rule, outcome) -> lagMillis.add(lag(outcome)));
      service.replaceRules(rules);
      service.start();

      long cpu0 = processCpuNanos();
      long wall0 = System.nanoTime();
      Thread.sleep(STEADY_SECONDS * 1000L);
      double cpuShare = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
      List<Long> steadyLag = new ArrayList<>(lagMillis);
      int evaluations = steadyLag.size();

      Instant commit = write(Instant.now(), true);
      Instant commitDone = Instant.now();
      Instant deadline = commitDone.plusSeconds(60);
      while (receiver.requests.size() < RULES && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      List<Long> latency = new ArrayList<>();
      receiver.requests.forEach(r -> latency.add(Long.parseLong(r.header("x-arrived-millis"))));
      service.close();

      List<Long> deliveryMillis = new ArrayList<>();
      for (long arrived : latency) {
        deliveryMillis.add(arrived - commitDone.toEpochMilli());
      }
      String result =
          String.format(
              "rules=%d distinct_queries=%d interval=5s for=0s engine=%s layout=%s%n"
                  + "steady %ds: evaluations=%d (%.0f/s, expected %.0f/s) lag_behind_slot_ms"
                  + " p50=%d p99=%d max=%d process_cpu=%.0f%% of one core%n"
                  + "delivery after commit (insert took %d ms): notifications=%d/%d"
                  + " latency_ms p50=%d p99=%d max=%d%n",
              RULES,
              SERVICES,
              System.getProperty(LocalClickHouse.ENGINE_PROPERTY, "?"),
              ch.layout(),
              STEADY_SECONDS,
              evaluations,
              evaluations / (double) STEADY_SECONDS,
              RULES / 5.0,
              pct(steadyLag, 50),
              pct(steadyLag, 99),
              pct(steadyLag, 100),
              cpuShare * 100,
              Duration.between(commit, commitDone).toMillis(),
              deliveryMillis.size(),
              RULES,
              pct(deliveryMillis, 50),
              pct(deliveryMillis, 99),
              pct(deliveryMillis, 100));
      System.out.println(result);
      Path out = Path.of("target", "bench", "alerts-result.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result);
    }
  }

  private static long lag(Outcome outcome) {
    return Duration.between(outcome.evaluatedAt(), Instant.now()).toMillis();
  }

  /** Spans over the last minute for every service; with errors, 3 Error spans each. */
  private static Instant write(Instant now, boolean errors) {
    TelemetryBatch b = new TelemetryBatch();
    for (int s = 0; s < SERVICES; s++) {
      for (int k = 0; k < (errors ? 3 : 2); k++) {
        b.spans.add(
            new TelemetryBatch.Span(
                Map.of("service.name", "svc-" + s, "k8s.namespace.name", "bench"),
                "svc-" + s,
                String.format("%032x", s * 10L + k + (errors ? 5 : 0)),
                String.format("%016x", s * 10L + k + 1),
                "",
                "GET /",
                "Server",
                now.minusMillis(100 + k),
                1_000_000,
                errors ? "Error" : "Ok",
                "",
                Map.of(),
                List.of()));
      }
    }
    ch.writer().write(b);
    return now;
  }

  private static long pct(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
