package io.kubetel.archfixture.crds_free_of_store_cli_types.crds;

/** Breaks the rule: a CRD type holding a ClickHouse client. */
public class ClickHouseSpec {
  com.clickhouse.client.api.Client client;
}
