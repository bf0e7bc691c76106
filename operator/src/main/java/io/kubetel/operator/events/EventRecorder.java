package io.kubetel.operator.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubetel.crds.common.Condition;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core/v1) for notable changes of a custom resource, so that {@code
 * kubectl describe} shows them. Events are aggregated as kube's own controllers do: the same type
 * and reason for the same object (same UID) is one Event, named after both, whose {@code count},
 * {@code lastTimestamp} and message a repetition updates instead of adding an Event. An Event goes
 * to the object's namespace; those of cluster-scoped objects (TelemetryTenant) go to the namespace
 * the operator runs in ({@code kubectl describe} finds them there: it searches every namespace for
 * a cluster-scoped object's Events). Failing to record an event never fails a reconcile.
 */
public final class EventRecorder {
  private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "kubetel-operator";

  /** The longest object-name prefix of an Event name (253 minus "." and 16 hex digits). */
  private static final int NAME_PREFIX = 253 - 17;

  private final KubernetesClient client;
  private final Clock clock;
  private final String ownNamespace;

  /**
   * @param ownNamespace the operator's namespace, where Events of cluster-scoped objects go
   */
  public EventRecorder(KubernetesClient client, Clock clock, String ownNamespace) {
    this.client = client;
    this.clock = clock;
    this.ownNamespace = ownNamespace;
  }

  /**
   * Events of cluster-scoped objects go to the client's namespace: in a pod its service account's
   * namespace, outside one the kubeconfig context's ({@code default} when neither names one).
   */
  public EventRecorder(KubernetesClient client, Clock clock) {
    this(client, clock, client == null ? "default" : namespaceOf(client));
  }

  /** The namespace {@code client} is configured for, else {@code default}. */
  public static String namespaceOf(KubernetesClient client) {
    String namespace = client.getNamespace();
    return namespace == null || namespace.isBlank() ? "default" : namespace;
  }

  /**
   * Where Events of {@code object} go: its namespace, or the operator's for cluster-scoped ones.
   */
  public String namespaceFor(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return namespace == null || namespace.isBlank() ? ownNamespace : namespace;
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
    String namespace = namespaceFor(object);
    String name = eventName(object, type, reason);
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      Resource<Event> event = client.v1().events().inNamespace(namespace).withName(name);
      Event existing = event.get();
      if (existing == null) {
        try {
          event.create(newEvent(object, namespace, name, type, reason, message, now));
          return;
        } catch (KubernetesClientException e) {
          if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
            throw e;
          }
          existing = event.get(); // created meanwhile: count this one on it
        }
      }
      existing.setCount(existing.getCount() == null ? 2 : existing.getCount() + 1);
      existing.setLastTimestamp(now);
      existing.setMessage(message);
      client.v1().events().inNamespace(namespace).resource(existing).update();
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

  private static Event newEvent(
      HasMetadata object,
      String namespace,
      String name,
      String type,
      String reason,
      String message,
      String now) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
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
        .withReportingComponent(COMPONENT)
        .build();
  }

  /**
   * The one Event name for {@code type} and {@code reason} on {@code object}: its name (shortened
   * to fit) and 16 hex digits of a hash over kind, namespace, name, UID, type and reason.
   */
  static String eventName(HasMetadata object, String type, String reason) {
    String key =
        String.join(
            "\n",
            object.getKind(),
            String.valueOf(object.getMetadata().getNamespace()),
            object.getMetadata().getName(),
            String.valueOf(object.getMetadata().getUid()),
            type,
            reason);
    String prefix = object.getMetadata().getName();
    if (prefix.length() > NAME_PREFIX) {
      prefix = prefix.substring(0, NAME_PREFIX).replaceAll("[.-]+$", "");
    }
    return prefix + "." + HexFormat.of().formatHex(sha256(key), 0, 8);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
