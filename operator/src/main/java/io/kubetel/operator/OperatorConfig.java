package io.kubetel.operator;

import io.kubetel.store.layout.TableNames;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operator's settings, parsed once from flags and environment by {@link OperatorMain}.
 *
 * @param clickHouseUrl ClickHouse HTTP endpoint
 * @param clickHouseUser ClickHouse user
 * @param clickHousePassword ClickHouse password (never logged)
 * @param clickHouseTables the telemetry tables' names when the exporter's were configured otherwise
 * @param defaultDatabase database whose data validates AlertRules/Dashboards in namespaces that no
 *     tenant owns; empty to skip data checks there
 * @param systemDatabase kubetel's own ClickHouse database (ownership records of tenant databases)
 * @param managementHost address of the health/metrics server
 * @param managementPort port of the health/metrics server (0 picks a free one)
 * @param leaderElection whether to elect a leader (required with more than one replica)
 * @param leaseNamespace namespace of the leader-election Lease
 * @param leaseName name of the leader-election Lease
 * @param identity this replica's identity in the Lease
 * @param retentionInterval how often retention runs per tenant
 * @param recheckInterval how often AlertRules and Dashboards are re-validated against the data
 * @param reconcileThreads concurrent reconciliations
 * @param scope which objects this operator reconciles
 * @param leaseTimings the leader-election Lease's timings
 * @param cluster how to reach the Kubernetes API server
 * @param tenantCredentialsNamespace where the Secrets of the tenants' provisioned ClickHouse users
 *     go (the API server's {@code --tenant-credentials-namespace})
 */
public record OperatorConfig(
    String clickHouseUrl,
    String clickHouseUser,
    String clickHousePassword,
    TableNames clickHouseTables,
    Optional<String> defaultDatabase,
    String systemDatabase,
    String managementHost,
    int managementPort,
    boolean leaderElection,
    String leaseNamespace,
    String leaseName,
    String identity,
    Duration retentionInterval,
    Duration recheckInterval,
    int reconcileThreads,
    Scope scope,
    LeaseTimings leaseTimings,
    ClusterAccess cluster,
    String tenantCredentialsNamespace) {

  /** The API server's default {@code --tenant-credentials-namespace} outside a pod. */
  public static final String DEFAULT_CREDENTIALS_NAMESPACE = "kubetel-system";

  /** The label that assigns an object to one of several operator instances. */
  public static final String INSTANCE_LABEL = "kubetel.io/instance";

  /**
   * Which objects this operator reconciles.
   *
   * @param namespaces the namespaces whose AlertRules and Dashboards it watches; empty for all
   *     (TelemetryTenants are cluster-scoped and always watched cluster-wide)
   * @param instance when present, only objects labelled {@value #INSTANCE_LABEL}={@code instance}
   *     are reconciled (TelemetryTenants, AlertRules and Dashboards alike)
   */
  public record Scope(Set<String> namespaces, Optional<String> instance) {
    /** Every namespace, every object. */
    public static final Scope ALL = new Scope(Set.of(), Optional.empty());

    public Scope {
      namespaces = Set.copyOf(namespaces);
    }

    /** The label selector of the reconciled objects, or null for all of them. */
    public String labelSelector() {
      return instance.map(i -> INSTANCE_LABEL + "=" + i).orElse(null);
    }
  }

  /**
   * The leader-election Lease's timings, with the constraints fabric8's LeaderElector enforces:
   * {@code duration > renewDeadline > 1.2 * retryPeriod}.
   *
   * @param duration how long followers wait before taking over an unrenewed Lease
   * @param renewDeadline how long the leader keeps trying to renew before it gives up leadership
   * @param retryPeriod how often leader and candidates act on the Lease
   */
  public record LeaseTimings(Duration duration, Duration renewDeadline, Duration retryPeriod) {
    /** Kubernetes' (and JOSDK's) defaults: 15 s, 10 s, 2 s. */
    public static final LeaseTimings DEFAULTS =
        new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

    /**
     * fabric8's LeaderElector refuses a renew deadline within this factor of the retry period (its
     * JITTER_FACTOR): checked here so that a bad flag stops the operator with usage, not later.
     */
    static final double JITTER = 1.2;

    /** Why these timings cannot elect a leader, or empty when they can. */
    public Optional<String> problem() {
      if (duration.compareTo(renewDeadline) <= 0) {
        return Optional.of("--lease-duration must be longer than --lease-renew-deadline");
      }
      if (renewDeadline.toMillis() <= retryPeriod.toMillis() * JITTER) {
        return Optional.of(
            "--lease-renew-deadline must be longer than 1.2 times --lease-retry-period (the"
                + " retry period plus its jitter)");
      }
      return Optional.empty();
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "OperatorConfig[clickHouseUrl="
        + clickHouseUrl
        + ", clickHouseUser="
        + clickHouseUser
        + ", clickHouseTables="
        + clickHouseTables
        + ", defaultDatabase="
        + defaultDatabase.orElse("")
        + ", systemDatabase="
        + systemDatabase
        + ", management="
        + managementHost
        + ":"
        + managementPort
        + ", leaderElection="
        + leaderElection
        + ", lease="
        + leaseNamespace
        + "/"
        + leaseName
        + ", identity="
        + identity
        + ", retentionInterval="
        + retentionInterval
        + ", recheckInterval="
        + recheckInterval
        + ", reconcileThreads="
        + reconcileThreads
        + ", watchNamespaces="
        + (scope.namespaces().isEmpty()
            ? "all"
            : String.join(",", new TreeSet<>(scope.namespaces())))
        + ", instance="
        + scope.instance().orElse("")
        + ", leaseTimings="
        + leaseTimings.duration()
        + "/"
        + leaseTimings.renewDeadline()
        + "/"
        + leaseTimings.retryPeriod()
        + ", cluster="
        + cluster
        + ", tenantCredentialsNamespace="
        + tenantCredentialsNamespace
        + "]";
  }
}
