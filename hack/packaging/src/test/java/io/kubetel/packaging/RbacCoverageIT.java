package io.kubetel.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The RBAC the chart ships against what the code calls: every request the operator and the API
 * server made to the fabric8 mock API server in their ITs (recorded by the operator's {@code
 * RequestLog} and the API server's {@code KubeApiMock} under their {@code target/}) must be allowed
 * by the rules bound to their service accounts, and every permission granted must have been used or
 * be justified below (least privilege). Needs those ITs to have run first, as {@code mvn verify}
 * does (this module builds after both). The mock cannot enforce RBAC, so this compares rules with
 * requests; it does not prove a real cluster's decisions.
 */
class RbacCoverageIT {
  private static final String LEASE =
      "leader election: OperatorAppIT elects a leader but does not record its calls";
  private static final String README =
      "listed in operator/README.md's permissions; no recorded IT takes that path";
  private static final String OWNER_REFERENCES =
      "owner references with blockOwnerDeletion on the viewer RoleBindings";
  private static final String PARALLEL =
      "the tenant-aware API server (tenant credentials, custom resources) being added in a"
          + " parallel change; the current code does not read it yet";

  private static final String TENANT_CREDENTIALS =
      "tenant ClickHouse credentials, provisioned on 20.4+ only (no IT engine has SQL users)";
  private static final String KINDS = "telemetrytenants alertrules dashboards";

  /**
   * Granted permissions no IT exercises ({@code who verb group/resource}, {@code *} for every
   * verb), with why they are granted: paths the mock-server ITs do not record (leader election) or
   * reads the components are being given in parallel changes. Each line justifies every verb on
   * every resource it lists; a permission listed twice fails the class.
   */
  private static final Map<String, String> GRANTED_UNUSED =
      Stream.of(
              justified("operator", "*", "coordination.k8s.io", "leases", LEASE),
              justified("operator", "get create delete", "core", "secrets", TENANT_CREDENTIALS),
              justified("operator", "get update", "kubetel.io", KINDS, README),
              justified(
                  "operator",
                  "patch",
                  "kubetel.io",
                  "alertrules dashboards",
                  "finalizers, as on tenants"),
              justified("operator", "get update", "kubetel.io", subresources("status"), README),
              justified(
                  "operator", "*", "kubetel.io", subresources("finalizers"), OWNER_REFERENCES),
              justified("operator", "get", "core", "namespaces", README),
              justified(
                  "operator",
                  "update",
                  "core",
                  "events",
                  "a repeated event updates the earlier one"
                      + " (EventRecorderIT, which does not record its calls)"),
              justified(
                  "operator",
                  "get",
                  "rbac.authorization.k8s.io",
                  "rolebindings",
                  "a viewer binding that lost its labels is fetched once (operator/README.md)"),
              justified("operator", "patch", "rbac.authorization.k8s.io", "rolebindings", README),
              justified(
                  "operator",
                  "delete",
                  "rbac.authorization.k8s.io",
                  "rolebindings",
                  "bindings of removed viewers (ViewerBindingsRestoredIT, not recorded)"),
              justified(
                  "operator",
                  "get",
                  "rbac.authorization.k8s.io",
                  "clusterroles",
                  "the viewer ClusterRole by name"),
              justified(
                  "operator",
                  "bind",
                  "rbac.authorization.k8s.io",
                  "clusterroles",
                  "binding kubetel-telemetry-viewer without holding its rules (not an API call)"),
              justified("apiserver", "*", "kubetel.io", KINDS, PARALLEL),
              justified("apiserver", "*", "core", "secrets", PARALLEL))
          .flatMap(m -> m.entrySet().stream())
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

  /** {@code who verb group/resource} for each of the (space-separated) verbs and resources. */
  private static Map<String, String> justified(
      String who, String verbs, String group, String resources, String why) {
    Map<String, String> out = new TreeMap<>();
    for (String verb : verbs.split(" ")) {
      for (String resource : resources.split(" ")) {
        out.put(who + " " + verb + " " + group + "/" + resource, why);
      }
    }
    return out;
  }

  /** The {@code sub}resource of each kubetel kind. */
  private static String subresources(String sub) {
    return Stream.of(KINDS.split(" ")).map(k -> k + "/" + sub).collect(Collectors.joining(" "));
  }

  /** Kubernetes' bootstrap roles the chart binds the API server to. */
  private static final Map<String, List<PolicyRule>> BUILT_IN =
      Map.of(
          "system:auth-delegator",
          List.of(
              rule("authentication.k8s.io", "tokenreviews", "create"),
              rule("authorization.k8s.io", "subjectaccessreviews", "create")),
          "extension-apiserver-authentication-reader",
          List.of(
              new PolicyRuleBuilder()
                  .withApiGroups("")
                  .withResources("configmaps")
                  .withResourceNames("extension-apiserver-authentication")
                  .withVerbs("get", "list", "watch")
                  .build()));

  @Test
  void operatorCallsAreAllowedAndItsGrantsUsed() throws IOException {
    check("operator", "kubetel-operator", Repo.root().resolve("operator"));
  }

  @Test
  void apiServerCallsAreAllowedAndItsGrantsUsed() throws IOException {
    check("apiserver", "kubetel-apiserver", Repo.root().resolve("apiserver/server"));
  }

  @Test
  void callsOutsideTheRulesAndUnusedGrantsAreReported() throws IOException {
    // A committed log of calls the shipped RBAC must refuse, for the operator's account.
    Findings f =
        evaluate("operator", "kubetel-operator", Repo.resource("rbac/calls-outside-rules.txt"));
    assertThat(f.refused())
        .containsExactly(
            "delete kubetel.io/telemetrytenants shop",
            "list core/clusterroles",
            "list rbac.authorization.k8s.io/clusterroles",
            "update core/secrets -n shop shop-alert-receivers");
    assertThat(f.unused()).contains("list core/namespaces", "watch kubetel.io/alertrules");
  }

  private static void check(String who, String account, Path module) throws IOException {
    Path log = module.resolve("target/kubetel-api-calls/" + who + ".txt");
    assertThat(log)
        .as("the %s ITs record their API calls here; run them first (mvn verify)", who)
        .exists();
    Findings f = evaluate(who, account, log);
    assertThat(f.refused()).as("%s calls the shipped RBAC would refuse", who).isEmpty();
    assertThat(f.unused()).as("%s permissions granted but never used by its ITs", who).isEmpty();
  }

  /**
   * What a log shows about the chart's rules for {@code account}.
   *
   * @param refused calls no shipped rule allows
   * @param unused granted permissions no call used and nobody justified
   */
  record Findings(Set<String> refused, Set<String> unused) {}

  private static Findings evaluate(String who, String account, Path log) throws IOException {
    List<ApiCall> calls =
        Files.readAllLines(log).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(ApiCall::parse)
            .toList();
    assertThat(calls).as("recorded %s calls", who).isNotEmpty();

    RenderedChart chart = RenderedChart.of(null, Map.of());
    List<PolicyRule> clusterWide = new ArrayList<>();
    List<PolicyRule> ownNamespace = new ArrayList<>();
    for (ClusterRoleBinding b : chart.all(ClusterRoleBinding.class)) {
      if (boundTo(b.getSubjects(), account)) {
        clusterWide.addAll(rules(chart, b.getRoleRef().getName()));
      }
    }
    for (RoleBinding b : chart.all(RoleBinding.class)) {
      if (boundTo(b.getSubjects(), account)) {
        String role = b.getRoleRef().getName();
        List<PolicyRule> rules =
            BUILT_IN.containsKey(role) || !b.getRoleRef().getKind().equals("Role")
                ? rules(chart, role)
                : chart.get(Role.class, role).getRules();
        (b.getMetadata().getNamespace().equals("kube-system") ? clusterWide : ownNamespace)
            .addAll(rules);
      }
    }

    Set<String> refused = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    for (ApiCall call : calls) {
      // The ITs run each component in one namespace, which stands for its own here; the
      // kube-system reader binding is checked by name and namespace in its rule.
      boolean allowed =
          clusterWide.stream().anyMatch(r -> allows(r, call))
              || ownNamespace.stream().anyMatch(r -> allows(r, call));
      if (allowed) {
        used.add(call.permission());
      } else {
        refused.add(call.toString());
      }
    }
    Set<String> unused = new TreeSet<>();
    // Kubernetes' own roles are not the chart's to trim.
    List<PolicyRule> builtIn = BUILT_IN.values().stream().flatMap(List::stream).toList();
    for (PolicyRule r : concat(clusterWide, ownNamespace)) {
      if (builtIn.contains(r)) {
        continue;
      }
      for (String group : r.getApiGroups()) {
        for (String resource : r.getResources()) {
          for (String verb : r.getVerbs()) {
            String groupResource = (group.isEmpty() ? "core" : group) + "/" + resource;
            String p = verb + " " + groupResource;
            if (!used.contains(p)
                && !GRANTED_UNUSED.containsKey(who + " " + p)
                && !GRANTED_UNUSED.containsKey(who + " * " + groupResource)) {
              unused.add(p);
            }
          }
        }
      }
    }
    return new Findings(refused, unused);
  }

  private static List<PolicyRule> concat(List<PolicyRule> a, List<PolicyRule> b) {
    List<PolicyRule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean boundTo(
      List<io.fabric8.kubernetes.api.model.rbac.Subject> subjects, String account) {
    return subjects.stream()
        .anyMatch(s -> s.getKind().equals("ServiceAccount") && s.getName().equals(account));
  }

  private static List<PolicyRule> rules(RenderedChart chart, String clusterRole) {
    List<PolicyRule> builtIn = BUILT_IN.get(clusterRole);
    return builtIn != null ? builtIn : chart.get(ClusterRole.class, clusterRole).getRules();
  }

  private static boolean allows(PolicyRule r, ApiCall call) {
    return matches(r.getApiGroups(), call.group())
        && matches(r.getResources(), call.resource())
        && matches(r.getVerbs(), call.verb())
        && (r.getResourceNames() == null
            || r.getResourceNames().isEmpty()
            || r.getResourceNames().contains(call.name()));
  }

  private static boolean matches(List<String> granted, String value) {
    return granted.contains("*") || granted.contains(value);
  }

  private static PolicyRule rule(String group, String resource, String verb) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resource)
        .withVerbs(verb)
        .build();
  }
}
