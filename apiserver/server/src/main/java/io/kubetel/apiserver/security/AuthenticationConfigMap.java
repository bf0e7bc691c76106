package io.kubetel.apiserver.security;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches ConfigMap {@code kube-system/extension-apiserver-authentication} (an informer) and
 * applies it live: the {@code requestheader-*} keys to the front-proxy authenticator, {@code
 * client-ca-file} to the x509 authenticator (unless {@code --client-ca-file} overrides it). The
 * server's service account needs the {@code extension-apiserver-authentication-reader} Role;
 * without it the server still starts, trusts neither CA of the ConfigMap and is not ready ({@link
 * #start}).
 */
public final class AuthenticationConfigMap implements AutoCloseable {
  public static final String NAMESPACE = "kube-system";
  public static final String NAME = "extension-apiserver-authentication";

  private static final Logger log = LoggerFactory.getLogger(AuthenticationConfigMap.class);

  private final KubernetesClient client;
  private final RequestHeaderAuthenticator requestHeader;
  private final Optional<Consumer<List<X509Certificate>>> clientCa;
  private SharedIndexInformer<ConfigMap> informer;
  private volatile String lastFailure;

  /**
   * @param clientCa receives {@code client-ca-file}; empty when {@code --client-ca-file} is used
   */
  public AuthenticationConfigMap(
      KubernetesClient client,
      RequestHeaderAuthenticator requestHeader,
      Optional<Consumer<List<X509Certificate>>> clientCa) {
    this.client = client;
    this.requestHeader = requestHeader;
    this.clientCa = clientCa;
  }

  /**
   * Starts the informer and waits up to {@code syncTimeout} for the first list, so the first
   * request sees the CAs. A ConfigMap that cannot be read (no RBAC: 403; kube-apiserver failing or
   * unreachable) does not stop the start: the front proxy and the ConfigMap's client CA stay off
   * (their requests are 401), {@link #readable()} is false (readiness fails and says so), one
   * warning is logged per failure kind, and the informer keeps retrying until it can read it.
   */
  public void start(Duration syncTimeout) {
    informer = client.configMaps().inNamespace(NAMESPACE).withName(NAME).runnableInformer(0);
    informer.exceptionHandler(
        (started, failure) -> {
          unreadable(failure);
          return true; // keep retrying with the informer's backoff
        });
    informer.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(ConfigMap configMap) {
            apply(configMap);
          }

          @Override
          public void onUpdate(ConfigMap before, ConfigMap after) {
            apply(after);
          }

          @Override
          public void onDelete(ConfigMap configMap, boolean unknownState) {
            apply(null);
          }
        });
    try {
      informer.start().toCompletableFuture().get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      if (lastFailure == null) {
        unreadable(e); // else the retries already said why
      }
    }
  }

  /** Whether the ConfigMap has been read (listed) at least once; readiness fails until then. */
  public boolean readable() {
    return informer != null && informer.hasSynced();
  }

  private void unreadable(Throwable thrown) {
    Throwable failure = thrown;
    while ((failure instanceof ExecutionException || failure instanceof CompletionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    String reason =
        failure instanceof KubernetesClientException k && k.getCode() > 0
            ? "http_" + k.getCode()
            : failure.getClass().getSimpleName();
    if (reason.equals(lastFailure)) {
      return; // the informer retries with backoff: one line per kind of failure
    }
    lastFailure = reason;
    log.warn(
        "event=authentication_configmap_unreadable configmap={}/{} reason={} message=\"front-proxy"
            + " and ConfigMap client-CA authentication stay off (their requests get 401) and"
            + " /readyz fails until the ConfigMap can be read; the service account needs the Role"
            + " extension-apiserver-authentication-reader in kube-system\"",
        NAMESPACE,
        NAME,
        reason);
  }

  /** Applies {@code configMap} (null: deleted) to the authenticators. */
  void apply(ConfigMap configMap) {
    Map<String, String> data =
        configMap == null || configMap.getData() == null ? Map.of() : configMap.getData();
    try {
      List<X509Certificate> proxyCas = certificates(data.get("requestheader-client-ca-file"));
      requestHeader.update(
          new RequestHeaderAuthenticator.Settings(
              proxyCas,
              new HashSet<>(jsonList(data.get("requestheader-allowed-names"))),
              jsonList(data.get("requestheader-username-headers")),
              jsonList(data.get("requestheader-uid-headers")),
              jsonList(data.get("requestheader-group-headers")),
              jsonList(data.get("requestheader-extra-headers-prefix"))));
      List<X509Certificate> clientCas = certificates(data.get("client-ca-file"));
      clientCa.ifPresent(consumer -> consumer.accept(clientCas));
      lastFailure = null;
      log.info(
          "event=authentication_configmap_applied requestheader_cas={} client_cas={}",
          proxyCas.size(),
          clientCas.size());
    } catch (RuntimeException e) {
      // Keep what was in force: a half-written ConfigMap must not lock everybody out.
      log.warn("event=authentication_configmap_invalid error=\"{}\"", e.getClass().getSimpleName());
    }
  }

  static List<X509Certificate> certificates(String pem) {
    if (pem == null || pem.isBlank()) {
      return List.of();
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (var certificate :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        certificates.add((X509Certificate) certificate);
      }
      return certificates;
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalArgumentException("invalid CA bundle", e);
    }
  }

  /** The ConfigMap holds lists as JSON arrays of strings ({@code ["X-Remote-User"]}). */
  static List<String> jsonList(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      String[] values = io.kubetel.model.json.Json.mapper().readValue(json, String[].class);
      return values == null ? List.of() : List.of(values);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("invalid JSON list", e);
    }
  }

  /** The keys, for docs and tests. */
  public static Set<String> keys() {
    return Set.of(
        "client-ca-file",
        "requestheader-client-ca-file",
        "requestheader-allowed-names",
        "requestheader-username-headers",
        "requestheader-uid-headers",
        "requestheader-group-headers",
        "requestheader-extra-headers-prefix");
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.close();
    }
  }
}
