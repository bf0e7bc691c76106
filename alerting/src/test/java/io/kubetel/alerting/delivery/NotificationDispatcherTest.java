package io.kubetel.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.alerting.evaluation.AlertEvaluator;
import io.kubetel.alerting.rule.AlertRuleDefinition;
import io.kubetel.alerting.state.VersionClock;
import io.kubetel.alerting.testing.FakeQueryRunner;
import io.kubetel.alerting.testing.InMemoryAlertHistory;
import io.kubetel.alerting.testing.RecordingReceiver;
import io.kubetel.alerting.testing.RecordingReceiver.Answer;
import io.kubetel.alerting.testing.RecordingReceiver.Request;
import io.kubetel.alerting.testing.Rules;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.store.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluation plus delivery to receivers on loopback, with an injected clock and a sleeper that only
 * records: payload shapes, signatures, dedup keys, grouping, repeats, resolves, retries after 500s,
 * 429s and timeouts, permanent 4xx, silences and the resume after a crash.
 */
class NotificationDispatcherTest {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  final MutableClock clock = new MutableClock(T0);
  final FakeQueryRunner runner = new FakeQueryRunner();
  final InMemoryAlertHistory history = new InMemoryAlertHistory();
  final RecordingReceiver receiver = new RecordingReceiver();
  final List<Duration> sleeps = new ArrayList<>();
  final Map<String, String> secrets = new HashMap<>();
  final VersionClock versions = new VersionClock(clock);
  NotificationDispatcher dispatcher;
  AlertEvaluator evaluator;

  @AfterEach
  void close() {
    receiver.close();
  }

  AlertRuleDefinition rule(String extra) {
    secrets.put("hooks/url", receiver.url("/hook"));
    secrets.put("hooks/hmac", "s3cret");
    secrets.put("hooks/slack", receiver.url("/slack"));
    secrets.put("hooks/pd", "routing-123");
    String receivers =
        "'receivers':[{'name':'hook','webhook':{'urlSecretRef':{'name':'hooks','key':'url'},"
            + "'signingSecretRef':{'name':'hooks','key':'hmac'}}},"
            + "{'name':'chat','slack':{'channel':'#shop','webhookUrlSecretRef':{'name':'hooks',"
            + "'key':'slack'}}},"
            + "{'name':'pager','pagerDuty':{'url':'"
            + receiver.url("/pd")
            + "','routingKeySecretRef':{'name':'hooks','key':'pd'}}}]";
    return Rules.rule(
        "errors",
        "'interval':'5s','repeatInterval':'1h',"
            + receivers
            + (extra.isEmpty() ? "" : "," + extra));
  }

  void start(AlertRuleDefinition rule, Duration timeout) {
    Sleeper sleeper =
        d -> {
          sleeps.add(d);
          clock.advance(d);
        };
    RetryPolicy retry =
        new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 1.0);
    ReceiverSender sender =
        new ReceiverSender(
            new HttpDelivery(timeout, retry, sleeper),
            (ns, ref) -> Optional.ofNullable(secrets.get(ref.name() + "/" + ref.key())),
            clock);
    dispatcher = new NotificationDispatcher(history, "sys", sender, clock, versions, Runnable::run);
    dispatcher.restore();
    evaluator = new AlertEvaluator(ns -> runner, history, "sys", clock, Runnable::run, versions);
    evaluator.restore();
    evaluator.addListener(dispatcher);
    evaluator.replaceRules(List.of(rule));
  }

  void run(int seconds) {
    for (int i = 0; i < seconds; i++) {
      evaluator.tick(clock.advance(Duration.ofSeconds(1))).join();
    }
  }

  @Test
  void firingAndResolveReachEveryReceiverInItsShape() {
    start(rule(""), Duration.ofSeconds(2));
    runner.answer(Map.of(Map.of("http.route", "/pay"), 7.0, Map.of("http.route", "/cart"), 9.0));
    run(5);

    // One grouped message per receiver.
    Request hook = receiver.at("/hook").get(0);
    JsonNode body = hook.json();
    assertThat(body.path("status").asText()).isEqualTo("firing");
    assertThat(body.path("groupKey").asText()).isEqualTo("kubetel/shop/errors");
    assertThat(body.path("alerts")).hasSize(2);
    assertThat(body.path("alerts").findValuesAsText("summary"))
        .containsExactlyInAnyOrder("rate is 7 on /pay", "rate is 9 on /cart");
    assertThat(hook.header("Idempotency-Key")).isEqualTo(body.path("id").asText());
    String ts = hook.header(HmacSigner.TIMESTAMP_HEADER);
    assertThat(hook.header(HmacSigner.SIGNATURE_HEADER))
        .isEqualTo(
            "sha256="
                + HmacSigner.hmac("s3cret".getBytes(StandardCharsets.UTF_8), ts, hook.body()));
    assertThat(Long.parseLong(ts)).isBetween(T0.getEpochSecond(), clock.instant().getEpochSecond());

    String slack = receiver.at("/slack").get(0).json().path("text").asText();
    assertThat(slack)
        .contains(
            "FIRING",
            "[critical]",
            "shop/errors",
            "rate is 7 on /pay",
            "value 9",
            "http.route=/cart");
    assertThat(receiver.at("/slack").get(0).json().path("channel").asText()).isEqualTo("#shop");

    JsonNode trigger = receiver.at("/pd").get(0).json();
    assertThat(trigger.path("event_action").asText()).isEqualTo("trigger");
    assertThat(trigger.path("routing_key").asText()).isEqualTo("routing-123");
    assertThat(trigger.path("payload").path("severity").asText()).isEqualTo("critical");
    String dedup = trigger.path("dedup_key").asText();

    // Still firing: nothing more until the repeat interval.
    run(60);
    assertThat(receiver.requests).hasSize(3);

    runner.value(1);
    run(5);
    JsonNode resolve = receiver.at("/pd").get(1).json();
    assertThat(resolve.path("event_action").asText()).isEqualTo("resolve");
    assertThat(resolve.path("dedup_key").asText()).isEqualTo(dedup);
    JsonNode resolvedHook = receiver.at("/hook").get(1).json();
    assertThat(resolvedHook.path("status").asText()).isEqualTo("resolved");
    assertThat(resolvedHook.path("alerts")).hasSize(2);
    assertThat(resolvedHook.path("id").asText()).isNotEqualTo(body.path("id").asText());
    assertThat(receiver.at("/slack").get(1).json().path("text").asText()).contains("RESOLVED");
    assertThat(history.notifications)
        .filteredOn(n -> n.status() == NotificationRecord.Status.SENT)
        .hasSize(6);
  }

  @Test
  void aStillFiringAlertIsRepeatedAfterTheRepeatInterval() {
    start(rule(""), Duration.ofSeconds(2));
    runner.value(9);
    run(5);
    assertThat(receiver.at("/hook")).hasSize(1);
    clock.advance(Duration.ofMinutes(59));
    run(5);
    assertThat(receiver.at("/hook")).hasSize(1);
    clock.advance(Duration.ofMinutes(1));
    run(5);
    assertThat(receiver.at("/hook")).hasSize(2);
    assertThat(receiver.at("/hook").get(1).json().path("status").asText()).isEqualTo("firing");
  }

  @Test
  void serverErrorsAndRateLimitsAreRetriedWithTheSameKeyAndRetryAfterIsHonoured() {
    receiver.then(Answer.status(500), new Answer(429, "7", 0), Answer.status(503));
    start(
        rule(
            "'receivers':[{'name':'hook','webhook':{'urlSecretRef':{'name':'hooks','key':"
                + "'url'}}}]"),
        Duration.ofSeconds(2));
    runner.value(9);
    run(5);
    List<Request> hooks = receiver.at("/hook");
    assertThat(hooks).hasSize(4);
    assertThat(hooks)
        .extracting(r -> r.header("Idempotency-Key"))
        .containsOnly(hooks.get(0).header("Idempotency-Key"));
    // 1 s, then the receiver's 7 s, then 4 s (attempt 3, jitter at its ceiling).
    assertThat(sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(7), Duration.ofSeconds(4));
    assertThat(dispatcher.lastNotification("shop/errors", "hook").orElseThrow().status())
        .isEqualTo(NotificationRecord.Status.SENT);
  }

  @Test
  void aTimeoutIsRetried() {
    receiver.then(new Answer(200, null, 1500));
    start(
        rule(
            "'receivers':[{'name':'hook','webhook':{'urlSecretRef':{'name':'hooks','key':"
                + "'url'}}}]"),
        Duration.ofMillis(300));
    runner.value(9);
    run(5);
    assertThat(receiver.at("/hook")).hasSize(2);
    assertThat(sleeps).hasSize(1);
    assertThat(dispatcher.lastNotification("shop/errors", "hook").orElseThrow().status())
        .isEqualTo(NotificationRecord.Status.SENT);
  }

  @Test
  void aPermanentClientErrorFailsTheReceiverWithoutRetries() {
    receiver.then(Answer.status(400));
    start(
        rule(
            "'receivers':[{'name':'hook','webhook':{'urlSecretRef':{'name':'hooks','key':"
                + "'url'}}},{'name':'gone','webhook':{'urlSecretRef':{'name':'hooks','key':'nope'}}}]"),
        Duration.ofSeconds(2));
    runner.value(9);
    run(30);
    assertThat(receiver.at("/hook")).hasSize(1);
    assertThat(sleeps).isEmpty();
    assertThat(dispatcher.failedReceivers("shop/errors"))
        .containsEntry("hook", "the receiver answered HTTP 400 (not retried)")
        .hasEntrySatisfying(
            "gone", m -> assertThat(m).contains("Secret shop/hooks has no key nope"));
    // Fixed: the next change (the resolve) goes out and clears the failure.
    runner.value(1);
    run(5);
    assertThat(receiver.at("/hook")).hasSize(2);
    assertThat(dispatcher.failedReceivers("shop/errors")).containsOnlyKeys("gone");
  }

  @Test
  void silencedSeriesAreRecordedButNotNotified() {
    start(
        rule(
            "'silences':[{'matchers':{'http.route':'/cart'},'startsAt':'2026-12-01T09:00:00Z',"
                + "'endsAt':'2026-12-01T11:00:00Z','comment':'deploy'}]"),
        Duration.ofSeconds(2));
    runner.answer(Map.of(Map.of("http.route", "/cart"), 9.0));
    run(10);
    assertThat(receiver.requests).isEmpty();
    assertThat(history.events).hasSize(1);
    runner.answer(Map.of(Map.of("http.route", "/cart"), 9.0, Map.of("http.route", "/pay"), 8.0));
    run(5);
    assertThat(receiver.at("/hook"))
        .singleElement()
        .satisfies(r -> assertThat(r.json().path("alerts")).hasSize(1));
  }

  @Test
  void theAlertmanagerPayloadKeepsItsShape() {
    start(
        rule(
            "'receivers':[{'name':'am','webhook':{'format':'Alertmanager','urlSecretRef':"
                + "{'name':'hooks','key':'url'}}}]"),
        Duration.ofSeconds(2));
    runner.answer(Map.of(Map.of("http.route", "/pay"), 7.0));
    run(5);
    JsonNode am = receiver.at("/hook").get(0).json();
    assertThat(am.path("version").asText()).isEqualTo("4");
    assertThat(am.path("receiver").asText()).isEqualTo("am");
    assertThat(am.path("status").asText()).isEqualTo("firing");
    JsonNode alert = am.path("alerts").get(0);
    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("errors");
    assertThat(alert.path("labels").path("http.route").asText()).isEqualTo("/pay");
    assertThat(alert.path("annotations").path("summary").asText()).isEqualTo("rate is 7 on /pay");
    assertThat(alert.path("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void aNotificationPendingAtACrashIsSentOnceMoreWithItsIdAndNothingElseRepeats() {
    AlertRuleDefinition rule =
        rule(
            "'receivers':[{'name':'hook','webhook':{'urlSecretRef':"
                + "{'name':'hooks','key':'url'}}}]");
    start(rule, Duration.ofSeconds(2));
    runner.value(9);
    run(5);
    String id = receiver.at("/hook").get(0).header("Idempotency-Key");
    // The process died after the request and before the SENT row: drop that row.
    history.notifications.removeIf(n -> n.status() == NotificationRecord.Status.SENT);

    start(rule, Duration.ofSeconds(2));
    run(30);
    assertThat(receiver.at("/hook"))
        .extracting(r -> r.header("Idempotency-Key"))
        .containsExactly(id, id);
    runner.value(1);
    run(5);
    assertThat(receiver.at("/hook")).hasSize(3);
    assertThat(receiver.at("/hook").get(2).json().path("status").asText()).isEqualTo("resolved");
  }
}
