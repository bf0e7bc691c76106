package io.kubetel.operator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.common.Condition;
import io.kubetel.crds.common.ConditionStatus;
import io.kubetel.crds.tenant.TelemetryTenant;
import io.kubetel.operator.MockCluster;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events on the fabric8 mock API server: a repeated reason for the same object updates one Event
 * (count, last timestamp, message) instead of adding Events; Events of namespaced objects go to
 * their namespace, those of cluster-scoped tenants to the operator's.
 */
@EnableKubernetesMockClient(crud = true)
class EventRecorderIT {

  static final String OPERATOR_NAMESPACE = "kubetel-system";

  static KubernetesClient client;

  /** Closes the client (its watches too) before the extension shuts the mock server down. */
  @AfterAll
  static void closeClientBeforeServer() {
    MockCluster.closeBeforeServer(client);
  }

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z"));
  EventRecorder recorder;

  @BeforeEach
  void recorder() {
    Clock clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.get();
          }
        };
    recorder = new EventRecorder(client, clock, OPERATOR_NAMESPACE);
  }

  static TelemetryTenant tenant(String name, String uid) {
    TelemetryTenant t = new TelemetryTenant();
    t.getMetadata().setName(name);
    t.getMetadata().setUid(uid);
    return t;
  }

  static List<Event> events(String namespace, String involvedName) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject().getName().equals(involvedName))
        .toList();
  }

  static Condition notReady(String reason, String message) {
    return new Condition(
        "Ready", ConditionStatus.False, reason, message, 1L, "2026-11-25T10:00:00Z");
  }

  @Test
  void aRepeatedReasonCountsOnOneEventInTheOperatorsNamespace() {
    TelemetryTenant t = tenant("repeat", "uid-repeat");
    recorder.announce(t, notReady("StorageUnavailable", "retrying in 5s (attempt 1)"));
    now.set(Instant.parse("2026-11-25T10:00:05Z"));
    recorder.announce(t, notReady("StorageUnavailable", "retrying in 10s (attempt 2)"));
    now.set(Instant.parse("2026-11-25T10:00:15Z"));
    recorder.warning(t, "StorageUnavailable", "retrying in 20s (attempt 3)");

    assertThat(events(OPERATOR_NAMESPACE, "repeat"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCount()).isEqualTo(3);
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("StorageUnavailable");
              assertThat(e.getFirstTimestamp()).isEqualTo("2026-11-25T10:00:00Z");
              assertThat(e.getLastTimestamp()).isEqualTo("2026-11-25T10:00:15Z");
              assertThat(e.getMessage()).isEqualTo("retrying in 20s (attempt 3)");
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("TelemetryTenant");
              assertThat(e.getInvolvedObject().getNamespace()).isNull();
              assertThat(e.getSource().getComponent()).isEqualTo("kubetel-operator");
            });
    assertThat(events("default", "repeat")).isEmpty();
  }

  @Test
  void anotherReasonOrTypeIsAnotherEvent() {
    TelemetryTenant t = tenant("several", "uid-several");
    recorder.announce(t, notReady("NamespaceConflict", "a"));
    recorder.announce(t, notReady("StorageUnavailable", "b"));
    recorder.announce(
        t, new Condition("Ready", ConditionStatus.True, "Ready", "ok", 1L, "2026-11-25T10:00:00Z"));
    recorder.announce(t, notReady("NamespaceConflict", "c"));

    assertThat(events(OPERATOR_NAMESPACE, "several"))
        .extracting(e -> e.getType() + "/" + e.getReason() + "x" + e.getCount())
        .containsExactlyInAnyOrder(
            "Warning/NamespaceConflictx2", "Warning/StorageUnavailablex1", "Normal/Readyx1");
  }

  @Test
  void aNamespacedObjectsEventsGoToItsNamespace() {
    AlertRule rule = new AlertRule();
    rule.getMetadata().setName("latency");
    rule.getMetadata().setNamespace("shop");
    rule.getMetadata().setUid("uid-rule");
    recorder.warning(rule, "UnknownMetric", "no data");
    recorder.warning(rule, "UnknownMetric", "still no data");

    assertThat(events("shop", "latency"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
    assertThat(events(OPERATOR_NAMESPACE, "latency")).isEmpty();
  }

  @Test
  void aRecreatedObjectStartsNewEvents() {
    recorder.warning(tenant("again", "uid-1"), "NamespaceConflict", "first life");
    recorder.warning(tenant("again", "uid-2"), "NamespaceConflict", "second life");

    assertThat(events(OPERATOR_NAMESPACE, "again"))
        .extracting(e -> e.getInvolvedObject().getUid() + "x" + e.getCount())
        .containsExactlyInAnyOrder("uid-1x1", "uid-2x1");
  }

  @Test
  void eventNamesStayValidForTheLongestObjectNames() {
    String longName = "a".repeat(235) + "." + "b".repeat(17);
    String name = EventRecorder.eventName(tenant(longName, "u"), "Warning", "Reason");
    assertThat(name.length()).isLessThanOrEqualTo(253);
    assertThat(name).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?").doesNotContain("..");
    assertThat(EventRecorder.eventName(tenant("shop", "u"), "Warning", "Reason"))
        .startsWith("shop.")
        .hasSize("shop.".length() + 16);
  }

  @Test
  void failingToRecordNeverThrows() {
    EventRecorder broken = new EventRecorder(null, Clock.systemUTC());
    assertThat(broken.namespaceFor(tenant("t", "u"))).isEqualTo("default");
    assertThatCode(() -> broken.warning(tenant("t", "u"), "Any", "thing"))
        .doesNotThrowAnyException();

    // An API server that cannot be reached: the reconciliation goes on, and the next Event to a
    // reachable one is recorded as usual.
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.empty())
                    .withMasterUrl("https://127.0.0.1:1")
                    .withNamespace(OPERATOR_NAMESPACE)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      EventRecorder down = new EventRecorder(unreachable, Clock.systemUTC());
      assertThatCode(() -> down.warning(tenant("unreached", "u"), "Any", "thing"))
          .doesNotThrowAnyException();
    }
    assertThat(events(OPERATOR_NAMESPACE, "unreached")).isEmpty();
    recorder.warning(tenant("unreached", "u"), "Any", "thing");
    assertThat(events(OPERATOR_NAMESPACE, "unreached"))
        .singleElement()
        .satisfies(e -> assertThat(e.getReason()).isEqualTo("Any"));
  }
}
