package io.kubetel.alerting.crash;

import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.delivery.RetryPolicy;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.service.AlertingService;
import io.kubetel.alerting.service.AlertingSettings;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.alerts.ClickHouseAlertHistory;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluating process {@link CrashRecoveryIT} kills with SIGKILL: the real AlertingService with
 * the ClickHouse alert history, one rule on a 5 s interval whose query value is read from a file
 * the test writes, and one webhook receiver.
 *
 * <p>Arguments: clickhouse-url database system-database receiver-url value-file
 */
public final class EvaluatorProcess {
  private EvaluatorProcess() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String database = args[1];
    String systemDatabase = args[2];
    String receiverUrl = args[3];
    Path valueFile = Path.of(args[4]);
    ClickHouseGateway gateway = new ClickHouseGateway(ClickHouseSettings.of(url, database));
    AlertingService service =
        new AlertingService(
            new AlertingSettings(
                systemDatabase,
                1,
                1,
                Duration.ofMillis(100),
                Duration.ofSeconds(60),
                new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1), Math::random)),
            namespace ->
                (spec, ns, now) -> {
                  double v;
                  try {
                    v = Double.parseDouble(Files.readString(valueFile).trim());
                  } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                  }
                  return new QueryResult(
                      now.minusSeconds(60),
                      now,
                      60,
                      Aggregation.RATE,
                      List.of(
                          new QueryResult.Series(
                              Map.of(), List.of(new QueryResult.Point(now.minusSeconds(60), v)))));
                },
            new ClickHouseAlertHistory(gateway),
            (ns, ref) -> Optional.of(receiverUrl),
            Clock.systemUTC());
    service.replaceRules(
        List.of(
            new AlertRuleParser(ConditionTypes.standard())
                .parse(
                    Rules.json(
                        "{'metadata':{'name':'errors','namespace':'shop'},'spec':{"
                            + "'query':{'signal':'logs'},'interval':'5s',"
                            + "'condition':{'comparator':'GreaterThan','threshold':5},"
                            + "'receivers':[{'name':'hook','webhook':{'urlSecretRef':"
                            + "{'name':'s','key':'url'}}}]}}"))));
    service.start();
    System.out.println("event=evaluator_process_started");
    Thread.currentThread().join();
  }
}
