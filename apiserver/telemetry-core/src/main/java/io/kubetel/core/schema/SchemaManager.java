package io.kubetel.core.schema;

/**
 * Creates kubetel's telemetry database and tables. Idempotent: safe to run on every start and on
 * every tenant reconcile; never drops or alters existing data.
 */
public interface SchemaManager {

  /** The layout this server gets (detected from its version). */
  SchemaLayout layout();

  /** Creates the database and all telemetry tables that do not exist yet. */
  void ensureSchema(String database);
}
