package io.kubetel.operator;

import io.kubetel.store.layout.TableNames;
import java.time.Duration;
import java.util.Optional;

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
    int reconcileThreads) {

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
        + "]";
  }
}
