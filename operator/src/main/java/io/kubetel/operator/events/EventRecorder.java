package io.kubetel.operator.events;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubetel.crds.common.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core/v1) for notable changes of a custom resource, so that {@code
 * kubectl describe} shows them. Events of cluster-scoped objects go to the {@code default}
 * namespace, as kube-controller-manager does. Failing to record an event never fails a reconcile.
 */
public final class EventRecorder {
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "kubetel-operator";

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A Warning event. */
  public void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  /**
   * An Event for a condition that changed status: Normal when it is now True, Warning otherwise,
   * with the condition's reason and message.
   */
  public void announce(HasMetadata object, Condition condition) {
    record(
        object,
        condition.isTrue() ? "Normal" : "Warning",
        condition.getReason(),
        condition.getMessage());
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    String namespace =
        object.getMetadata().getNamespace() == null
            ? "default"
            : object.getMetadata().getNamespace();
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withNamespace(namespace)
                  .withName(
                      object.getMetadata().getName()
                          + "."
                          + UUID.randomUUID().toString().substring(0, 8))
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(object.getApiVersion())
                          .withKind(object.getKind())
                          .withName(object.getMetadata().getName())
                          .withNamespace(object.getMetadata().getNamespace())
                          .withUid(object.getMetadata().getUid())
                          .withResourceVersion(object.getMetadata().getResourceVersion())
                          .build())
                  .withType(type)
                  .withReason(reason)
                  .withMessage(message)
                  .withFirstTimestamp(now)
                  .withLastTimestamp(now)
                  .withCount(1)
                  .withNewSource()
                  .withComponent(COMPONENT)
                  .endSource()
                  .build())
          .create();
    } catch (RuntimeException e) {
      log.warn(
          "event=event_record_failed kind={} name={} reason={} error={}",
          object.getKind(),
          object.getMetadata().getName(),
          reason,
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().toLowerCase(Locale.ROOT));
    }
  }
}
