package io.kubetel.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes API versions deprecated or removed up to {@link #NEWEST} (the Kubernetes
 * deprecated API migration guide), and the rule the bundle and the rendered chart must keep: no
 * manifest may use an apiVersion/kind deprecated or removed at or before the newest Kubernetes
 * kubetel targets, since it would warn on every apply in the supported range and stop working when
 * removed; nor an apiVersion that is not served yet by the oldest supported Kubernetes
 * (minKubeVersion). Like the operator-framework's {@code alpha-deprecated-apis} validator, but for
 * the whole supported range instead of one version.
 */
final class DeprecatedApis {
  /** The newest Kubernetes minor this table was checked against. */
  static final int NEWEST = 33;

  /**
   * One API: {@code apiVersion} and kind ({@code *} for every kind of that version), the minor in
   * which it was deprecated and removed (0: not yet), and the GA replacement.
   */
  record Api(String apiVersion, String kind, int deprecatedIn, int removedIn, String use) {}

  static final List<Api> DEPRECATED =
      List.of(
          new Api("extensions/v1beta1", "*", 8, 22, "apps/v1, networking.k8s.io/v1"),
          new Api("apps/v1beta1", "*", 9, 16, "apps/v1"),
          new Api("apps/v1beta2", "*", 9, 16, "apps/v1"),
          new Api("networking.k8s.io/v1beta1", "Ingress", 19, 22, "networking.k8s.io/v1"),
          new Api("networking.k8s.io/v1beta1", "IngressClass", 19, 22, "networking.k8s.io/v1"),
          new Api("apiextensions.k8s.io/v1beta1", "*", 16, 22, "apiextensions.k8s.io/v1"),
          new Api("apiregistration.k8s.io/v1beta1", "*", 19, 22, "apiregistration.k8s.io/v1"),
          new Api(
              "admissionregistration.k8s.io/v1beta1",
              "MutatingWebhookConfiguration",
              16,
              22,
              "admissionregistration.k8s.io/v1"),
          new Api(
              "admissionregistration.k8s.io/v1beta1",
              "ValidatingWebhookConfiguration",
              16,
              22,
              "admissionregistration.k8s.io/v1"),
          new Api("authentication.k8s.io/v1beta1", "*", 19, 22, "authentication.k8s.io/v1"),
          new Api("authorization.k8s.io/v1beta1", "*", 19, 22, "authorization.k8s.io/v1"),
          new Api("certificates.k8s.io/v1beta1", "*", 19, 22, "certificates.k8s.io/v1"),
          new Api("coordination.k8s.io/v1beta1", "*", 19, 22, "coordination.k8s.io/v1"),
          new Api("rbac.authorization.k8s.io/v1beta1", "*", 17, 22, "rbac.authorization.k8s.io/v1"),
          new Api(
              "rbac.authorization.k8s.io/v1alpha1", "*", 17, 22, "rbac.authorization.k8s.io/v1"),
          new Api("scheduling.k8s.io/v1beta1", "*", 14, 22, "scheduling.k8s.io/v1"),
          new Api("scheduling.k8s.io/v1alpha1", "*", 14, 22, "scheduling.k8s.io/v1"),
          new Api("storage.k8s.io/v1beta1", "CSIDriver", 19, 22, "storage.k8s.io/v1"),
          new Api("storage.k8s.io/v1beta1", "CSINode", 17, 22, "storage.k8s.io/v1"),
          new Api("storage.k8s.io/v1beta1", "StorageClass", 19, 22, "storage.k8s.io/v1"),
          new Api("storage.k8s.io/v1beta1", "VolumeAttachment", 19, 22, "storage.k8s.io/v1"),
          new Api("storage.k8s.io/v1beta1", "CSIStorageCapacity", 24, 27, "storage.k8s.io/v1"),
          new Api("batch/v1beta1", "CronJob", 21, 25, "batch/v1"),
          new Api("discovery.k8s.io/v1beta1", "EndpointSlice", 21, 25, "discovery.k8s.io/v1"),
          new Api("events.k8s.io/v1beta1", "Event", 21, 25, "events.k8s.io/v1"),
          new Api("autoscaling/v2beta1", "HorizontalPodAutoscaler", 22, 25, "autoscaling/v2"),
          new Api("autoscaling/v2beta2", "HorizontalPodAutoscaler", 23, 26, "autoscaling/v2"),
          new Api("policy/v1beta1", "PodDisruptionBudget", 21, 25, "policy/v1"),
          new Api("policy/v1beta1", "PodSecurityPolicy", 21, 25, "Pod Security Admission"),
          new Api("node.k8s.io/v1beta1", "RuntimeClass", 20, 25, "node.k8s.io/v1"),
          new Api(
              "flowcontrol.apiserver.k8s.io/v1beta1",
              "*",
              23,
              26,
              "flowcontrol.apiserver.k8s.io/v1"),
          new Api(
              "flowcontrol.apiserver.k8s.io/v1beta2",
              "*",
              26,
              29,
              "flowcontrol.apiserver.k8s.io/v1"),
          new Api(
              "flowcontrol.apiserver.k8s.io/v1beta3",
              "*",
              29,
              32,
              "flowcontrol.apiserver.k8s.io/v1"),
          new Api("v1", "ComponentStatus", 19, 0, "the components' own health endpoints"),
          new Api("v1", "Endpoints", 33, 0, "discovery.k8s.io/v1 EndpointSlice"));

  /**
   * GA API versions newer than some supported Kubernetes: group/version → first minor serving it.
   */
  record Introduced(String apiVersion, String kind, int since) {}

  static final List<Introduced> INTRODUCED =
      List.of(
          new Introduced("policy/v1", "PodDisruptionBudget", 21),
          new Introduced("batch/v1", "CronJob", 21),
          new Introduced("discovery.k8s.io/v1", "EndpointSlice", 21),
          new Introduced("autoscaling/v2", "HorizontalPodAutoscaler", 23),
          new Introduced("storage.k8s.io/v1", "CSIStorageCapacity", 24),
          new Introduced("flowcontrol.apiserver.k8s.io/v1", "*", 29),
          new Introduced("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy", 30),
          new Introduced(
              "admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding", 30));

  private DeprecatedApis() {}

  /**
   * Every manifest among {@code manifests} that uses an API deprecated or removed at or before
   * Kubernetes 1.{@link #NEWEST}, or one not served yet by {@code minKubeVersion} (e.g. 1.28.0).
   */
  static List<String> check(List<? extends JsonNode> manifests, String minKubeVersion) {
    int min = Integer.parseInt(minKubeVersion.replaceFirst("^v?1\\.(\\d+).*$", "$1"));
    List<String> errors = new ArrayList<>();
    for (JsonNode m : manifests) {
      String apiVersion = m.path("apiVersion").asText();
      String kind = m.path("kind").asText();
      for (Api api : DEPRECATED) {
        if (matches(api.apiVersion(), api.kind(), apiVersion, kind)
            && api.deprecatedIn() <= NEWEST) {
          errors.add(
              Manifests.id(m)
                  + ": "
                  + apiVersion
                  + " "
                  + kind
                  + (api.removedIn() > 0
                      ? " is removed in Kubernetes 1." + api.removedIn()
                      : " is deprecated since Kubernetes 1." + api.deprecatedIn())
                  + " (kubetel supports 1."
                  + min
                  + " to 1."
                  + NEWEST
                  + "): use "
                  + api.use());
        }
      }
      for (Introduced api : INTRODUCED) {
        if (matches(api.apiVersion(), api.kind(), apiVersion, kind) && api.since() > min) {
          errors.add(
              Manifests.id(m)
                  + ": "
                  + apiVersion
                  + " "
                  + kind
                  + " is served from Kubernetes 1."
                  + api.since()
                  + ", after minKubeVersion "
                  + minKubeVersion);
        }
      }
    }
    return errors;
  }

  private static boolean matches(
      String apiVersion, String kind, String actualVersion, String actualKind) {
    return apiVersion.equals(actualVersion) && (kind.equals("*") || kind.equals(actualKind));
  }
}
