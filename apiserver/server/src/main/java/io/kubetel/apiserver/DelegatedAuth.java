package io.kubetel.apiserver;

import com.github.benmanes.caffeine.cache.Ticker;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.kubetel.apiserver.ApiServerConfig.Delegation;
import io.kubetel.apiserver.http.AuthenticationHandler;
import io.kubetel.apiserver.security.AuthenticationConfigMap;
import io.kubetel.apiserver.security.Authenticator;
import io.kubetel.apiserver.security.DelegatingAuthorizer;
import io.kubetel.apiserver.security.DynamicClientCertificateAuthenticator;
import io.kubetel.apiserver.security.KubernetesReviews;
import io.kubetel.apiserver.security.PemFiles;
import io.kubetel.apiserver.security.RequestHeaderAuthenticator;
import io.kubetel.apiserver.security.TlsSettings;
import io.kubetel.apiserver.security.TokenAuthenticator;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's delegated authentication and authorization, wired in one place: the fabric8
 * Kubernetes client (JDK HTTP client), the front-proxy, x509 and bearer-token authenticators in
 * kube-apiserver's order, the SubjectAccessReview authorizer, the watched
 * extension-apiserver-authentication ConfigMap and, when {@code --client-ca-file} is given, its
 * reload into the x509 authenticator. Reviews run on their own bounded worker pool, through a
 * client of their own with bounded timeouts and retries, and the wait for them is bounded by the
 * request deadline.
 */
final class DelegatedAuth implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DelegatedAuth.class);

  /** How long the start waits for the ConfigMap's first list before going on without it. */
  private static final Duration CONFIGMAP_SYNC_TIMEOUT = Duration.ofSeconds(10);

  /** One review call's timeout (kube-apiserver's delegated webhooks use 10 s too). */
  private static final int REVIEW_TIMEOUT_MILLIS = 10_000;

  private final KubernetesClient client;
  private final KubernetesClient reviewClient;
  private final RequestHeaderAuthenticator requestHeader;
  private final AuthenticationConfigMap configMap;
  private final AuthenticationHandler handler;
  private final WorkerExecutor worker;
  private final Vertx vertx;
  private long timerId = -1;

  private DelegatedAuth(
      KubernetesClient client,
      KubernetesClient reviewClient,
      RequestHeaderAuthenticator requestHeader,
      AuthenticationConfigMap configMap,
      AuthenticationHandler handler,
      WorkerExecutor worker,
      Vertx vertx) {
    this.client = client;
    this.reviewClient = reviewClient;
    this.requestHeader = requestHeader;
    this.configMap = configMap;
    this.handler = handler;
    this.worker = worker;
    this.vertx = vertx;
  }

  /** Whether a client certificate chain is the front proxy's (the connection limits ask). */
  Predicate<List<X509Certificate>> frontProxy() {
    return requestHeader::isFrontProxy;
  }

  /** The Kubernetes client (JDK HTTP client), shared with tenancy's informers. */
  KubernetesClient client() {
    return client;
  }

  /**
   * Connects to kube-apiserver, reads the ConfigMap and starts watching it and the client CA.
   *
   * @param requestTimeout the request deadline, which bounds the wait for the reviews too
   */
  static DelegatedAuth start(
      Delegation delegation,
      TlsSettings tls,
      Vertx vertx,
      Duration reloadInterval,
      Duration requestTimeout)
      throws IOException {
    Config config = config(delegation);
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withConfig(config)
            .build();
    // Reviews block a request: one bounded attempt and one quick retry (fabric8's default retries
    // ten times with a growing backoff, well past the request deadline).
    KubernetesClient reviewClient =
        new KubernetesClientBuilder()
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withConfig(
                new ConfigBuilder(config)
                    .withRequestTimeout(REVIEW_TIMEOUT_MILLIS)
                    .withConnectionTimeout(REVIEW_TIMEOUT_MILLIS / 2)
                    .withRequestRetryBackoffLimit(1)
                    .withRequestRetryBackoffInterval(200)
                    .build())
            .build();
    RequestHeaderAuthenticator requestHeader = new RequestHeaderAuthenticator();
    DynamicClientCertificateAuthenticator x509 = new DynamicClientCertificateAuthenticator();
    KubernetesReviews reviews = new KubernetesReviews(reviewClient);
    Optional<Path> clientCaFile = tls.clientCaFile();
    AuthenticationConfigMap configMap =
        new AuthenticationConfigMap(
            client,
            requestHeader,
            clientCaFile.isPresent() ? Optional.empty() : Optional.of(x509::update));
    WorkerExecutor worker =
        vertx.createSharedWorkerExecutor(
            "kubetel-auth", delegation.authWorkerThreads(), 1, TimeUnit.MINUTES);
    List<Authenticator> authenticators =
        List.of(
            requestHeader,
            x509,
            new TokenAuthenticator(
                reviews,
                delegation.tokenCacheTtl(),
                delegation.cacheSize(),
                Ticker.systemTicker()));
    DelegatingAuthorizer authorizer =
        new DelegatingAuthorizer(
            reviews,
            delegation.metricsGroup(),
            delegation.allowCacheTtl(),
            delegation.denyCacheTtl(),
            delegation.cacheSize(),
            Ticker.systemTicker());
    AuthenticationHandler handler =
        new AuthenticationHandler(authenticators, authorizer, worker, true, requestTimeout);
    DelegatedAuth auth =
        new DelegatedAuth(client, reviewClient, requestHeader, configMap, handler, worker, vertx);
    try {
      configMap.start(CONFIGMAP_SYNC_TIMEOUT);
      if (clientCaFile.isPresent()) {
        auth.watchClientCa(clientCaFile.get(), x509, reloadInterval);
      }
    } catch (RuntimeException | IOException e) {
      auth.close();
      throw e;
    }
    log.info(
        "event=delegated_auth_started master={} configmap={}/{}",
        client.getConfiguration().getMasterUrl(),
        AuthenticationConfigMap.NAMESPACE,
        AuthenticationConfigMap.NAME);
    return auth;
  }

  private static Config config(Delegation delegation) throws IOException {
    if (delegation.kubeconfig().isPresent()) {
      return Config.fromKubeconfig(
          Files.readString(delegation.kubeconfig().get(), StandardCharsets.UTF_8));
    }
    return Config.autoConfigure(null);
  }

  /** Reads {@code --client-ca-file} into the x509 authenticator now and whenever it changes. */
  private void watchClientCa(
      Path file, DynamicClientCertificateAuthenticator x509, Duration interval) throws IOException {
    x509.update(PemFiles.readCertificates(file));
    String[] seen = {stamp(file)};
    timerId =
        vertx.setPeriodic(
            interval.toMillis(),
            id ->
                worker.executeBlocking(
                    () -> {
                      String now = stamp(file);
                      if (!now.equals(seen[0])) {
                        x509.update(PemFiles.readCertificates(file));
                        seen[0] = now;
                        log.info("event=client_ca_reloaded file={}", file);
                      }
                      return null;
                    },
                    true));
  }

  private static String stamp(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
    } catch (IOException e) {
      return "missing";
    }
  }

  /** Whether the authentication ConfigMap has been read (a readiness check). */
  boolean configMapReadable() {
    return configMap.readable();
  }

  /** The authentication and authorization handler of the router. */
  AuthenticationHandler handler() {
    return handler;
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    configMap.close();
    worker.close();
    reviewClient.close();
    client.close();
  }
}
