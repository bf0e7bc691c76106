package io.kubetel.store.sql;

import io.kubetel.store.layout.TableNames;
import java.util.regex.Pattern;

/**
 * The identifier rules: database and table names are validated (table names come from {@link
 * Tables} or a validated {@link TableNames} mapping). No other identifier ever reaches SQL.
 */
public final class Identifiers {
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private Identifiers() {}

  /** Whether {@code name} is acceptable as a database name. */
  public static boolean isValidDatabase(String name) {
    return name != null && DATABASE.matcher(name).matches();
  }

  /**
   * Returns {@code name} when it is a valid database name.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static String database(String name) {
    if (!isValidDatabase(name)) {
      throw new IllegalArgumentException(
          "invalid database name '"
              + name
              + "': must match [A-Za-z_][A-Za-z0-9_]{0,62} (letters, digits, underscore)");
    }
    return name;
  }

  /** {@code db.table} for a valid table name. */
  public static String table(String database, String table) {
    if (!TableNames.isValidName(table)) {
      throw new IllegalArgumentException("invalid table name '" + table + "'");
    }
    return database(database) + "." + table;
  }
}
