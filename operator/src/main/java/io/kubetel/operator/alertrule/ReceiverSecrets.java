package io.kubetel.operator.alertrule;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.kubetel.crds.alertrule.AlertRule;
import io.kubetel.crds.alertrule.Receiver;
import io.kubetel.crds.common.SecretKeyRef;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Secrets AlertRule receivers reference, read only through an informer on the Secrets labelled
 * {@value #LABEL}{@code =true} in the watched namespaces: the operator never asks the API server
 * for any other Secret, nor for one Secret at a time. A labelled Secret that is created or changed
 * re-validates the rules that reference it at once.
 */
public final class ReceiverSecrets {

  /** The label a Secret needs for AlertRules to use it (value {@code "true"}). */
  public static final String LABEL = "kubetel.io/alert-receivers";

  /** The label selector of the Secret informer. */
  public static final String SELECTOR = LABEL + "=true";

  static final String EVENT_SOURCE = "receiver-secrets";

  /** Index of the AlertRule cache: {@code namespace/secret} for each Secret a rule references. */
  static final String BY_SECRET = "referenced-secret";

  private ReceiverSecrets() {}

  /** The labelled-Secret informer, mapping a Secret to the rules that reference it. */
  static List<EventSource<?, AlertRule>> eventSources(EventSourceContext<AlertRule> context) {
    context.getPrimaryCache().addIndexer(BY_SECRET, ReceiverSecrets::referencedSecrets);
    var secrets =
        InformerEventSourceConfiguration.from(Secret.class, AlertRule.class)
            .withName(EVENT_SOURCE)
            .withLabelSelector(SELECTOR)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(
                (Secret s) ->
                    context
                        .getPrimaryCache()
                        .byIndex(
                            BY_SECRET,
                            s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            // Explicit, so JOSDK needs no index of its own built from the mapper above.
            .withPrimaryToSecondaryMapper(
                (AlertRule rule) ->
                    referencedSecrets(rule).stream()
                        .map(key -> key.split("/", 2))
                        .map(k -> new ResourceID(k[1], k[0]))
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(secrets, context));
  }

  /** Looks a labelled Secret up (namespace, name) in the informer's cache. */
  static BiFunction<String, String, Optional<Secret>> in(Context<AlertRule> context) {
    @SuppressWarnings("unchecked")
    InformerEventSource<Secret, AlertRule> source =
        (InformerEventSource<Secret, AlertRule>)
            context.eventSourceRetriever().getEventSourceFor(Secret.class, EVENT_SOURCE);
    return (namespace, name) -> source.get(new ResourceID(name, namespace));
  }

  /** {@code namespace/name} of every Secret {@code rule}'s receivers reference. */
  static List<String> referencedSecrets(AlertRule rule) {
    if (rule.getSpec() == null || rule.getSpec().getReceivers() == null) {
      return List.of();
    }
    String namespace = rule.getMetadata().getNamespace();
    Set<String> names =
        rule.getSpec().getReceivers().stream()
            .filter(Objects::nonNull)
            .flatMap(ReceiverSecrets::refs)
            .filter(Objects::nonNull)
            .map(SecretKeyRef::getName)
            .filter(Objects::nonNull)
            .map(name -> namespace + "/" + name)
            .collect(Collectors.toSet());
    return List.copyOf(names);
  }

  private static Stream<SecretKeyRef> refs(Receiver r) {
    Stream.Builder<SecretKeyRef> out = Stream.builder();
    if (r.getSlack() != null) {
      out.add(r.getSlack().getWebhookUrlSecretRef());
    }
    if (r.getPagerDuty() != null) {
      out.add(r.getPagerDuty().getRoutingKeySecretRef());
    }
    if (r.getWebhook() != null) {
      out.add(r.getWebhook().getUrlSecretRef());
      out.add(r.getWebhook().getAuthorizationSecretRef());
    }
    return out.build();
  }
}
