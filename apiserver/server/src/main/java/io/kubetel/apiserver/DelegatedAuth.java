package io.kubetel.apiserver;

import com.github.benmanes.caffeine.cache.Ticker;
import io.fabric8.kubernetes.client.Config;
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
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's delegated authentication and authorization, wired in one place: the fabric8
 * Kubernetes client (JDK HTTP client), the front-proxy, x509 and bearer-token authenticators in
 * kube-apiserver's order, the SubjectAccessReview authorizer, the watched
 * extension-apiserver-authentication ConfigMap and, when {@code --client-ca-file} is given, its
 * reload into the x509 authenticator. Reviews run on their own bounded worker pool.
 */
final class DelegatedAuth implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DelegatedAuth.class);

  private final KubernetesClient client;
  private final AuthenticationConfigMap configMap;
  private final AuthenticationHandler handler;
  private final WorkerExecutor worker;
  private final Vertx vertx;
  private long timerId = -1;

  private DelegatedAuth(
      KubernetesClient client,
      AuthenticationConfigMap configMap,
      AuthenticationHandler handler,
      WorkerExecutor worker,
      Vertx vertx) {
    this.client = client;
    this.configMap = configMap;
    this.handler = handler;
    this.worker = worker;
    this.vertx = vertx;
  }

  /** The Kubernetes client (JDK HTTP client), shared with tenancy's informers. */
  KubernetesClient client() {
    return client;
  }

  /** Connects to kube-apiserver, reads the ConfigMap and starts watching it and the client CA. */
  static DelegatedAuth start(
      Delegation delegation, TlsSettings tls, Vertx vertx, Duration reloadInterval)
      throws IOException {
    KubernetesClient client =
        new KubernetesClientBuilder()
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withConfig(config(delegation))
            .build();
    RequestHeaderAuthenticator requestHeader = new RequestHeaderAuthenticator();
    DynamicClientCertificateAuthenticator x509 = new DynamicClientCertificateAuthenticator();
    KubernetesReviews reviews = new KubernetesReviews(client);
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
        new AuthenticationHandler(authenticators, authorizer, worker, true);
    DelegatedAuth auth = new DelegatedAuth(client, configMap, handler, worker, vertx);
    try {
      configMap.start();
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
    client.close();
  }
}
