package io.kubetel.alerting.evaluation;

import io.kubetel.model.query.QueryRunner;

/**
 * Which runner answers the queries of a namespace's rules: the host decides (the operator maps a
 * namespace to its tenant's database, the standalone server has one database).
 */
@FunctionalInterface
public interface QueryRunners {
  QueryRunner forNamespace(String namespace);
}
