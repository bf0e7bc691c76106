package io.kubetel.alerting.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.alerting.condition.ConditionTypes;
import io.kubetel.alerting.delivery.HttpDelivery;
import io.kubetel.alerting.delivery.NotificationDispatcher;
import io.kubetel.alerting.delivery.ReceiverSender;
import io.kubetel.alerting.delivery.RetryPolicy;
import io.kubetel.alerting.evaluation.AlertEvaluator;
import io.kubetel.alerting.evaluation.RuleStatus;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.rule.AlertRuleParser;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.alerting.testing.InMemoryAlertHistory;
import io.kubetel.alerting.testing.RecordingReceiver;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.model.alerts.AlertEvent;
import io.kubetel.model.alerts.AlertSeriesState;
import io.kubetel.model.query.Aggregation;
import io.kubetel.model.query.QueryResult;
import io.kubetel.store.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An AlertRule with an Anomaly condition through the real evaluator and dispatcher to a webhook
 * receiver on loopback: the query answers a one-minute latency series (noise, then a spike), the
 * first evaluation warms the detector up from the query window, the spike fires one notification
 * carrying the grade, the expected range and the observed value, status shows them, and the resolve
 * follows.
 */
class AnomalyAlertDeliveryTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  static final Instant SPIKE = T0.plusSeconds(30 * 60);

  final MutableClock clock = new MutableClock(T0);
  final InMemoryAlertHistory history = new InMemoryAlertHistory();
  final RecordingReceiver receiver = new RecordingReceiver();
  final VersionClock versions = new VersionClock(clock);
  final NoisySeries latency = new NoisySeries(250, 10, 3).spike(SPIKE, 200);

  @AfterEach
  void close() {
    receiver.close();
  }

  /** The rule as a user writes it (examples/ has the same shape). */
  AlertRuleDefinition rule() {
    String spec =
        "{'apiVersion':'kubetel.io/v1alpha1','kind':'AlertRule',"
            + "'metadata':{'name':'checkout-latency-anomaly','namespace':'shop','generation':1},"
            + "'spec':{'query':{'signal':'traces','aggregation':'p99','range':'6h','step':'1m',"
            + "'filters':[{'key':'service','values':['checkout']}]},"
            + "'condition':{'type':'Anomaly','anomaly':{'sensitivity':'Medium',"
            + "'minimumDuration':'0s'}},"
            + "'interval':'1m','severity':'warning',"
            + "'annotations':{'summary':'p99 latency is {{ $value }} ms'},"
            + "'receivers':[{'name':'hook','webhook':{'urlSecretRef':"
            + "{'name':'hooks','key':'url'}}}]}}";
    return new AlertRuleParser(new AnomalyModels().registerOn(ConditionTypes.standard()))
        .parse(Rules.json(spec));
  }

  /** Six hours of one-minute points up to {@code now}, the newest step partial. */
  QueryResult answer(Instant now) {
    List<QueryResult.Point> points = latency.window(now, 360);
    return new QueryResult(
        now.minus(Duration.ofHours(6)),
        now,
        60,
        Aggregation.P99,
        List.of(new QueryResult.Series(Map.of("service", "checkout"), points)));
  }

  @Test
  void aSpikeIsNotifiedWithGradeExpectedRangeAndObservedValue() {
    RetryPolicy retry = new RetryPolicy(2, Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 1.0);
    ReceiverSender sender =
        new ReceiverSender(
            new HttpDelivery(Duration.ofSeconds(5), retry, d -> clock.advance(d)),
            (ns, ref) -> Optional.of(receiver.url("/hook")),
            clock);
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(history, "sys", sender, clock, versions, Runnable::run);
    dispatcher.restore();
    AlertEvaluator evaluator =
        new AlertEvaluator(
            ns -> (spec, namespace, now) -> answer(now),
            history,
            "sys",
            clock,
            Runnable::run,
            versions);
    evaluator.restore();
    evaluator.addListener(dispatcher);
    AlertRuleDefinition rule = rule();
    evaluator.replaceRules(List.of(rule));

    // One evaluation a minute for 29 minutes: warm-up, then noise only.
    for (int i = 0; i < 29; i++) {
      evaluator.tick(clock.advance(Duration.ofMinutes(1))).join();
    }
    assertThat(evaluator.status(rule.key())).isPresent();
    assertThat(evaluator.status(rule.key()).get().error()).isEmpty();
    assertThat(receiver.requests).isEmpty();

    // The spike's minute completes; within a few minutes it fires.
    for (int i = 0; i < 5 && receiver.at("/hook").isEmpty(); i++) {
      evaluator.tick(clock.advance(Duration.ofMinutes(1))).join();
    }
    assertThat(receiver.at("/hook")).hasSize(1);
    JsonNode body = receiver.at("/hook").get(0).json();
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("rule").asText()).isEqualTo("checkout-latency-anomaly");
    JsonNode alert = body.path("alerts").get(0);
    assertThat(alert.path("labels").path("service").asText()).isEqualTo("checkout");
    JsonNode details = alert.path("details");
    double grade = details.path("grade").asDouble();
    double low = details.path("expectedLow").asDouble();
    double high = details.path("expectedHigh").asDouble();
    double observed = details.path("observed").asDouble();
    assertThat(grade).isGreaterThan(0).isLessThanOrEqualTo(1);
    assertThat(low).isLessThanOrEqualTo(high);
    // Noise around 250 (σ 10), the spike +200: the detector expected far less than it saw.
    assertThat(high).isLessThan(observed);
    assertThat(observed).isGreaterThan(380);

    RuleStatus status = evaluator.status(rule.key()).get();
    assertThat(status.state()).isEqualTo(AlertSeriesState.Firing);
    assertThat(status.firing())
        .singleElement()
        .satisfies(f -> assertThat(f.details()).containsEntry("grade", grade));
    assertThat(history.list("sys", "shop", 10))
        .extracting(AlertEvent::to)
        .contains(AlertSeriesState.Firing);

    // A one-minute spike: it resolves, and the resolve carries the same anomaly.
    for (int i = 0; i < 30 && receiver.at("/hook").size() < 2; i++) {
      evaluator.tick(clock.advance(Duration.ofMinutes(1))).join();
    }
    assertThat(receiver.at("/hook")).hasSize(2);
    JsonNode resolved = receiver.at("/hook").get(1).json();
    assertThat(resolved.path("status").asText()).isEqualTo("resolved");
    assertThat(resolved.path("alerts").get(0).path("details").path("grade").asDouble())
        .isEqualTo(grade);
  }
}
