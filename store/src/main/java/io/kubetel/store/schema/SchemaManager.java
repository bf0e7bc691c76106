package io.kubetel.store.schema;

import io.kubetel.store.layout.SchemaLayout;

/**
 * Creates and drops kubetel's telemetry databases and tables. {@link #ensureSchema} is idempotent:
 * safe to run on every start and on every tenant reconcile; it never drops or alters existing data.
 * Only {@link #dropDatabase} removes data, and only when a caller asks for exactly that.
 */
public interface SchemaManager {

  /** The layout this server gets (detected from its version). */
  SchemaLayout layout();

  /** Whether {@code database} exists (any database, whoever created it). */
  boolean databaseExists(String database);

  /** Creates the database and all telemetry tables that do not exist yet. */
  void ensureSchema(String database);

  /**
   * Drops {@code database} with all its tables and data ({@code DROP DATABASE IF EXISTS}).
   * Idempotent: dropping a database that does not exist succeeds and changes nothing. The name is
   * validated as an identifier ({@link io.kubetel.store.sql.Identifiers#database}) before any SQL
   * is sent, so an invalid name fails with {@link IllegalArgumentException} and touches nothing.
   *
   * <p>Only for a tenant deleted with deletion policy {@code Delete}; never called for {@code
   * Retain}, and never by the API server.
   *
   * @throws IllegalArgumentException when {@code database} is not a valid database identifier
   */
  void dropDatabase(String database);
}
