package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code helm template} of the chart with default values, each TLS mode, HA values, the trial
 * ClickHouse and OLM mode, every manifest parsed strictly into fabric8 types and checked as the
 * cluster would use it: the APIService routes to the Service that selects the API server pods with
 * the CA that signed their certificate, the auth bindings exist, probes and the restricted security
 * context are set, the PodDisruptionBudget selects the API server.
 */
class ChartTemplateTest {

  @Test
  void defaultsRenderAWorkingInstallation() {
    RenderedChart chart = RenderedChart.of(null, Map.of());
    APIService api = chart.get(APIService.class, "v1alpha1.telemetry.kubetel.io");
    assertThat(api.getSpec().getGroup()).isEqualTo("telemetry.kubetel.io");
    assertThat(api.getSpec().getVersion()).isEqualTo("v1alpha1");
    assertThat(api.getSpec().getGroupPriorityMinimum()).isEqualTo(1000);
    assertThat(api.getSpec().getVersionPriority()).isEqualTo(15);
    assertThat(api.getSpec().getInsecureSkipTLSVerify()).isNull();
    Secret tls = chart.get(Secret.class, "kubetel-apiserver-tls");
    assertThat(api.getSpec().getCaBundle()).isEqualTo(tls.getData().get("ca.crt"));
    assertThat(new String(Base64.getDecoder().decode(tls.getData().get("tls.crt"))))
        .startsWith("-----BEGIN CERTIFICATE-----");
    routesToApiServer(chart, api);
    mountsSecret(apiserver(chart), "kubetel-apiserver-tls", "/etc/kubetel/tls");
    assertThat(args(apiserver(chart)))
        .contains(
            "--tls-cert-file=/etc/kubetel/tls/tls.crt",
            "--tls-private-key-file=/etc/kubetel/tls/tls.key",
            "--continue-token-key-file=/etc/kubetel/continue-token/key");
    // Settings are variables, so that an OLM Subscription's config.env can override them.
    assertThat(args(apiserver(chart))).noneMatch(a -> a.startsWith("--clickhouse-"));
    assertThat(env(apiserver(chart)))
        .containsEntry("KUBETEL_APISERVER_DELEGATED_AUTH", "true")
        .containsEntry("KUBETEL_APISERVER_CLICKHOUSE_URL", "http://clickhouse.clickhouse.svc:8123")
        .containsEntry("KUBETEL_APISERVER_CLICKHOUSE_USER", "kubetel_reader")
        .containsEntry(
            "KUBETEL_APISERVER_CLICKHOUSE_PASSWORD_FILE", "/etc/kubetel/clickhouse/password")
        .containsEntry("KUBETEL_APISERVER_LOG_LEVEL", "INFO")
        .containsEntry("KUBETEL_APISERVER_QUOTA_REPLICAS", "2");
    mountsSecret(apiserver(chart), "kubetel-apiserver-clickhouse", "/etc/kubetel/clickhouse");
    mountsSecret(operator(chart), "kubetel-operator-clickhouse", "/etc/kubetel/clickhouse");
    assertThat(chart.get(Secret.class, "kubetel-apiserver-continue-token").getData())
        .containsKey("key");
    assertThat(env(operator(chart)))
        .containsEntry("KUBETEL_CLICKHOUSE_URL", "http://clickhouse.clickhouse.svc:8123")
        .containsEntry("KUBETEL_CLICKHOUSE_USER", "kubetel_operator")
        .containsEntry("KUBETEL_CLICKHOUSE_PASSWORD_FILE", "/etc/kubetel/clickhouse/password")
        .containsEntry("KUBETEL_LEADER_ELECTION", "true");

    // Two API servers kept apart and protected from drains; one operator active at a time.
    assertThat(apiserver(chart).getSpec().getReplicas()).isEqualTo(2);
    assertThat(pod(apiserver(chart)).getPriorityClassName()).isEqualTo("system-cluster-critical");
    assertThat(pod(apiserver(chart)).getAffinity().getPodAntiAffinity()).isNotNull();
    assertThat(pod(apiserver(chart)).getTopologySpreadConstraints()).hasSize(1);
    PodDisruptionBudget pdb = chart.get(PodDisruptionBudget.class, "kubetel-apiserver");
    assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(apiserver(chart).getSpec().getTemplate().getMetadata().getLabels());

    for (Deployment d : chart.all(Deployment.class)) {
      probesAndRestrictedSecurity(d);
      assertThat(d.getSpec().getSelector().getMatchLabels())
          .isEqualTo(d.getSpec().getTemplate().getMetadata().getLabels());
    }
    authBindings(chart);
    assertThat(chart.untyped("Certificate")).isEmpty();
    assertThat(chart.raw())
        .allMatch(StrictManifests::typed, "every default manifest has a fabric8 type");
  }

  @Test
  void certManagerModeInjectsTheCaIntoTheApiService() {
    RenderedChart chart = RenderedChart.of("cert-manager.yaml", Map.of());
    var certs = chart.untyped("Certificate");
    assertThat(certs).hasSize(1);
    var cert = certs.get(0);
    assertThat(cert.path("apiVersion").asText()).isEqualTo("cert-manager.io/v1");
    assertThat(cert.at("/spec/secretName").asText()).isEqualTo("kubetel-apiserver-tls");
    assertThat(cert.at("/spec/issuerRef/name").asText()).isEqualTo("cluster-ca");
    assertThat(cert.at("/spec/issuerRef/kind").asText()).isEqualTo("ClusterIssuer");
    assertThat(cert.at("/spec/dnsNames").toString())
        .contains("kubetel-apiserver-service.kubetel-system.svc");
    assertThat(fieldNames(cert.get("spec")))
        .containsExactlyInAnyOrder("secretName", "dnsNames", "issuerRef");
    APIService api = chart.get(APIService.class, "v1alpha1.telemetry.kubetel.io");
    assertThat(api.getMetadata().getAnnotations())
        .containsEntry("cert-manager.io/inject-ca-from", "kubetel-system/kubetel-apiserver");
    assertThat(api.getSpec().getCaBundle()).isNull();
    assertThat(chart.find(Secret.class, "kubetel-apiserver-tls")).isEmpty();
    mountsSecret(apiserver(chart), "kubetel-apiserver-tls", "/etc/kubetel/tls");
    routesToApiServer(chart, api);
  }

  @Test
  void existingSecretsAreUsedAndNotCreated() {
    RenderedChart chart = RenderedChart.of("existing-secret.yaml", Map.of());
    APIService api = chart.get(APIService.class, "v1alpha1.telemetry.kubetel.io");
    assertThat(api.getSpec().getCaBundle()).startsWith("LS0tLS1CRUdJTi");
    mountsSecret(apiserver(chart), "my-apiserver-tls", "/etc/kubetel/tls");
    mountsSecret(apiserver(chart), "ch-reader", "/etc/kubetel/clickhouse");
    mountsSecret(apiserver(chart), "my-continue-key", "/etc/kubetel/continue-token");
    mountsSecret(operator(chart), "ch-operator", "/etc/kubetel/clickhouse");
    assertThat(
            pod(apiserver(chart)).getVolumes().stream()
                .filter(v -> v.getName().equals("clickhouse"))
                .findFirst()
                .orElseThrow()
                .getSecret()
                .getItems()
                .get(0)
                .getKey())
        .isEqualTo("reader-password");
    assertThat(chart.all(Secret.class)).isEmpty();
    assertThat(env(apiserver(chart)))
        .containsEntry("KUBETEL_APISERVER_CLICKHOUSE_URL", "https://clickhouse.db.svc:8443");
  }

  @Test
  void highAvailabilityValues() {
    RenderedChart chart = RenderedChart.of("ha.yaml", Map.of());
    assertThat(apiserver(chart).getSpec().getReplicas()).isEqualTo(3);
    assertThat(
            chart
                .get(PodDisruptionBudget.class, "kubetel-apiserver")
                .getSpec()
                .getMinAvailable()
                .getIntVal())
        .isEqualTo(2);
    assertThat(pod(operator(chart)).getPriorityClassName()).isEqualTo("high-priority");
    assertThat(env(operator(chart))).containsEntry("KUBETEL_WATCH_NAMESPACES", "shop,payments");
    assertThat(chart.all(NetworkPolicy.class)).hasSize(2);
    NetworkPolicy np = chart.get(NetworkPolicy.class, "kubetel-apiserver");
    assertThat(np.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(apiserver(chart).getSpec().getTemplate().getMetadata().getLabels());
    var monitors = chart.untyped("ServiceMonitor");
    assertThat(monitors).hasSize(1);
    assertThat(monitors.get(0).at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    assertThat(monitors.get(0).at("/spec/endpoints/0/port").asText()).isEqualTo("management");
    Service metrics = chart.get(Service.class, "kubetel-operator-metrics");
    assertThat(metrics.getSpec().getPorts().get(0).getName()).isEqualTo("management");
  }

  @Test
  void trialClickhouseIsOneStatefulSetBothComponentsUse() {
    RenderedChart chart = RenderedChart.of("trial-clickhouse.yaml", Map.of());
    StatefulSet ch = chart.get(StatefulSet.class, "kubetel-clickhouse");
    assertThat(ch.getMetadata().getAnnotations()).containsKey("kubetel.io/not-for-production");
    assertThat(ch.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests())
        .containsKey("storage");
    assertThat(ch.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .startsWith("clickhouse/clickhouse-server:");
    String url = "http://kubetel-clickhouse.kubetel-system.svc:8123";
    assertThat(env(operator(chart))).containsEntry("KUBETEL_CLICKHOUSE_URL", url);
    assertThat(env(apiserver(chart))).containsEntry("KUBETEL_APISERVER_CLICKHOUSE_URL", url);
    mountsSecret(operator(chart), "kubetel-clickhouse-trial", "/etc/kubetel/clickhouse");
    mountsSecret(apiserver(chart), "kubetel-clickhouse-trial", "/etc/kubetel/clickhouse");
    assertThat(chart.find(Secret.class, "kubetel-operator-clickhouse")).isEmpty();
    assertThat(chart.find(Service.class, "kubetel-clickhouse")).isPresent();
  }

  @Test
  void olmModeLeavesCertificateServiceAndAuthBindingsToOlm() {
    RenderedChart chart = RenderedChart.of(null, Map.of("olm", true));
    assertThat(chart.all(APIService.class)).isEmpty();
    assertThat(chart.all(Service.class)).isEmpty();
    assertThat(chart.all(Secret.class)).isEmpty();
    assertThat(chart.all(ClusterRoleBinding.class))
        .noneMatch(b -> b.getRoleRef().getName().equals("system:auth-delegator"));
    assertThat(args(apiserver(chart))).noneMatch(a -> a.startsWith("--tls-"));
    // No key file under OLM: the replicas derive the continue-token key from OLM's certificate.
    assertThat(args(apiserver(chart))).noneMatch(a -> a.startsWith("--continue-token-key-file"));
  }

  @Test
  void crdsInTheChartAreTheGeneratedOnes() throws Exception {
    var sources = new Packaging(Repo.root(), ProjectVersion.of("0.0.1", List.of())).crdSources();
    assertThat(sources).hasSize(3);
    for (var source : sources) {
      var copy = Repo.chart().resolve("crds").resolve(source.getFileName().toString());
      assertThat(Files.readString(copy)).isEqualTo(Files.readString(source));
      StrictManifests.parse(Manifests.parseAll(Files.readString(copy)).get(0));
    }
  }

  @Test
  void viewerRoleIsTheOperatorsCanonicalOne() throws Exception {
    // The operator binds this role and never writes it: the chart ships the operator's copy.
    var canonical =
        Repo.root()
            .resolve(
                "operator/src/main/resources/io/kubetel/operator/rbac/telemetry-viewer-clusterrole.yaml");
    var expected =
        (ClusterRole) StrictManifests.parse(Manifests.parseAll(Files.readString(canonical)).get(0));
    var shipped =
        RenderedChart.of(null, Map.of()).get(ClusterRole.class, expected.getMetadata().getName());
    assertThat(shipped.getRules()).isEqualTo(expected.getRules());
  }

  @Test
  void aMisspeltFieldIsRefusedNotDropped() throws Exception {
    var manifest =
        Manifests.parseAll(Files.readString(Repo.resource("misspelt-deployment.yaml"))).get(0);
    assertThatThrownBy(() -> StrictManifests.parse(manifest)).hasMessageContaining("readinesProbe");
  }

  private static void routesToApiServer(RenderedChart chart, APIService api) {
    var ref = api.getSpec().getService();
    Service svc = chart.get(Service.class, ref.getName());
    assertThat(ref.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
    assertThat(svc.getSpec().getPorts()).anyMatch(p -> p.getPort().equals(ref.getPort()));
    assertThat(svc.getSpec().getSelector())
        .isEqualTo(apiserver(chart).getSpec().getTemplate().getMetadata().getLabels());
    String target = svc.getSpec().getPorts().get(0).getTargetPort().getStrVal();
    assertThat(container(apiserver(chart)).getPorts()).anyMatch(p -> p.getName().equals(target));
  }

  private static void authBindings(RenderedChart chart) {
    ClusterRoleBinding delegator =
        chart.get(ClusterRoleBinding.class, "kubetel-apiserver:system:auth-delegator");
    assertThat(delegator.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(delegator.getRoleRef().getName()).isEqualTo("system:auth-delegator");
    assertThat(delegator.getSubjects().get(0).getName()).isEqualTo("kubetel-apiserver");
    RoleBinding reader = chart.get(RoleBinding.class, "kubetel-apiserver-auth-reader");
    assertThat(reader.getMetadata().getNamespace()).isEqualTo("kube-system");
    assertThat(reader.getRoleRef().getName())
        .isEqualTo("extension-apiserver-authentication-reader");
    assertThat(reader.getSubjects().get(0).getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
  }

  private static void probesAndRestrictedSecurity(Deployment d) {
    PodSpec pod = pod(d);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    Container c = container(d);
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
    assertThat(pod.getVolumes())
        .anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isIn("/livez", "/healthz");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
  }

  private static void mountsSecret(Deployment d, String secret, String path) {
    var volume =
        pod(d).getVolumes().stream()
            .filter(v -> v.getSecret() != null && secret.equals(v.getSecret().getSecretName()))
            .findFirst()
            .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " lacks " + secret));
    assertThat(container(d).getVolumeMounts())
        .anyMatch(m -> m.getName().equals(volume.getName()) && m.getMountPath().equals(path));
  }

  static Deployment apiserver(RenderedChart chart) {
    return chart.get(Deployment.class, "kubetel-apiserver");
  }

  static Deployment operator(RenderedChart chart) {
    return chart.get(Deployment.class, "kubetel-operator");
  }

  static PodSpec pod(Deployment d) {
    return d.getSpec().getTemplate().getSpec();
  }

  static Container container(Deployment d) {
    return pod(d).getContainers().get(0);
  }

  static List<String> args(Deployment d) {
    return container(d).getArgs();
  }

  static Map<String, String> env(Deployment d) {
    Map<String, String> env = new java.util.LinkedHashMap<>();
    container(d).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .forEach(e -> env.put(e.getName(), e.getValue()));
    return env;
  }

  private static List<String> fieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
