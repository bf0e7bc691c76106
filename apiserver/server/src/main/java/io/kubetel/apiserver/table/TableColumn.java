package io.kubetel.apiserver.table;

/**
 * One {@code columnDefinitions} entry of a {@code meta.k8s.io/v1} Table.
 *
 * @param type string, integer, number, boolean or date
 * @param format e.g. {@code name} for the name column, or empty
 * @param priority 0 for default columns, 1 for columns shown only by {@code -o wide}
 */
public record TableColumn(
    String name, String type, String format, String description, int priority) {

  public static TableColumn of(String name, String type, String description) {
    return new TableColumn(name, type, "", description, 0);
  }

  public static TableColumn wide(String name, String type, String description) {
    return new TableColumn(name, type, "", description, 1);
  }

  public static TableColumn name(String description) {
    return new TableColumn("Name", "string", "name", description, 0);
  }
}
