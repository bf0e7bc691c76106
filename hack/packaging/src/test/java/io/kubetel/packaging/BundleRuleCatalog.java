package io.kubetel.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link BundleRules} checks: the operator-framework validators' rules it covers, listed by
 * validator (csv, bundle, annotations, operatorhub, good-practices, alpha-deprecated-apis), and the
 * value lists those rules accept (capability levels, OperatorHub categories, registry+v1 kinds).
 */
final class BundleRuleCatalog {
  private BundleRuleCatalog() {}

  /** Every rule checked, by validator: the README and the report list these. */
  static final Map<String, List<String>> RULES = new LinkedHashMap<>();

  static {
    RULES.put(
        "csv",
        List.of(
            "name is <package>.v<semver> and spec.version is that semver",
            "replaces differs from the CSV's own name",
            "installModes non-empty, known types, no duplicates",
            "owned CRDs have name, version and kind; name is <plural>.<group>",
            "alm-examples is a JSON array whose kinds are owned CRDs",
            "each alm-examples object validates against its CRD's openAPIV3Schema: apiVersion a"
                + " served version, kind, ObjectMeta, types, required, enums, patterns, formats,"
                + " bounds, list types; unknown fields refused unless"
                + " x-kubernetes-preserve-unknown-fields (CEL rules not evaluated)",
            "install.strategy is deployment with at least one named deployment",
            "each deployment's selector matches its pod template labels",
            "apiservicedefinitions.owned: group, version, kind, name, deploymentName of a"
                + " deployment, containerPort a container exposes"));
    RULES.put(
        "bundle",
        List.of(
            "exactly one ClusterServiceVersion in manifests/",
            "every owned CRD is in manifests/ with the owned version served",
            "every CRD in manifests/ is owned, none twice",
            "manifests/ holds only kinds registry+v1 supports (no APIService)",
            "compressed bundle size under 1 MiB"));
    RULES.put(
        "annotations",
        List.of(
            "mediatype registry+v1, manifests.v1 manifests/, metadata.v1 metadata/",
            "package, channels and a default channel that is among the channels",
            "bundle.Dockerfile LABELs equal the annotations"));
    RULES.put(
        "operatorhub",
        List.of(
            "capabilities is one of the five levels",
            "categories are from the OperatorHub list",
            "containerImage, description, repository (a URL) annotations",
            "displayName, description, keywords, provider.name, maturity",
            "one icon with base64data that decodes and a supported mediatype",
            "maintainers have a name and a valid email; links a name and a valid URL",
            "minKubeVersion is a semver"));
    RULES.put(
        "good-practices",
        List.of(
            "every container requests CPU and memory",
            "no permission to create, change or delete CRDs",
            "channel names start with candidate, stable or fast",
            "no wildcard (*) verbs, resources or API groups in permissions"));
    RULES.put(
        "alpha-deprecated-apis",
        List.of(
            "no manifest uses an apiVersion/kind deprecated or removed at or before the newest"
                + " Kubernetes in DeprecatedApis (minKubeVersion to 1."
                + DeprecatedApis.NEWEST
                + ")",
            "no manifest uses an apiVersion not served yet at minKubeVersion"));
  }

  static final Pattern SEMVER =
      Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  static final Pattern URL = Pattern.compile("https?://[^\\s/$.?#].[^\\s]*");
  static final Set<String> CAPABILITIES =
      Set.of("Basic Install", "Seamless Upgrades", "Full Lifecycle", "Deep Insights", "Auto Pilot");
  static final Set<String> CATEGORIES =
      Set.of(
          "AI/Machine Learning",
          "Application Runtime",
          "Big Data",
          "Cloud Provider",
          "Developer Tools",
          "Database",
          "Integration & Delivery",
          "Logging & Tracing",
          "Monitoring",
          "Modernization & Migration",
          "Networking",
          "OpenShift Optional",
          "Security",
          "Storage",
          "Streaming & Messaging",
          "Observability",
          "Drivers and plugins");
  static final Set<String> INSTALL_MODES =
      Set.of("OwnNamespace", "SingleNamespace", "MultiNamespace", "AllNamespaces");
  static final Set<String> ICON_TYPES =
      Set.of("image/gif", "image/jpeg", "image/png", "image/svg+xml");
  static final Set<String> SUPPORTED_KINDS =
      Set.of(
          "ClusterServiceVersion",
          "CustomResourceDefinition",
          "Secret",
          "ClusterRole",
          "ClusterRoleBinding",
          "ConfigMap",
          "ServiceAccount",
          "Service",
          "Role",
          "RoleBinding",
          "PrometheusRule",
          "ServiceMonitor",
          "PodDisruptionBudget",
          "PriorityClass",
          "VerticalPodAutoscaler",
          "ConsoleYAMLSample",
          "ConsoleQuickStart",
          "ConsoleCLIDownload",
          "ConsoleLink",
          "NetworkPolicy");
  static final Set<String> WRITE_VERBS =
      Set.of("create", "update", "patch", "delete", "deletecollection", "*");
}
