package io.kubetel.store.schema;

import io.kubetel.store.layout.TableNames;
import io.kubetel.store.layout.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One statement of kubetel's DDL and the table role ({@link Tables}) it creates, with the table
 * names of the configured mapping: {@link ClickHouseSchemaManager} runs only the statements whose
 * table does not exist yet, so a database an older exporter (or an older kubetel) created gets no
 * second table beside its own.
 *
 * @param role the role of the table or view created; empty for {@code CREATE DATABASE}
 * @param sql the statement
 */
public record DdlStatement(Optional<String> role, String sql) {
  private static final Pattern CREATED =
      Pattern.compile("^CREATE (?:TABLE|MATERIALIZED VIEW) IF NOT EXISTS [A-Za-z0-9_]+\\.(\\w+)");

  /**
   * Statements written with the default table names ({@code db.otel_...}), renamed to {@code
   * names}; each one's role is the table it creates.
   */
  static List<DdlStatement> of(List<String> statements, String db, TableNames names) {
    Pattern qualified = Pattern.compile("\\b" + Pattern.quote(db) + "\\.(otel_\\w+)\\b");
    List<DdlStatement> out = new ArrayList<>();
    for (String sql : statements) {
      Matcher created = CREATED.matcher(sql);
      Optional<String> role =
          created.find() ? Optional.of(created.group(1)) : Optional.<String>empty();
      role.filter(r -> !Tables.ALL.contains(r))
          .ifPresent(
              r -> {
                throw new IllegalStateException("DDL creates unknown table " + r);
              });
      String renamed =
          qualified
              .matcher(sql)
              .replaceAll(m -> Matcher.quoteReplacement(db + "." + names.name(m.group(1))));
      out.add(new DdlStatement(role, renamed));
    }
    return out;
  }

  /**
   * A DDL script's statements: {@code --} comment lines dropped, statements separated by lines
   * holding only {@code ;}, {@code ${DATABASE}} replaced and {@code CREATE TABLE} / {@code CREATE
   * MATERIALIZED VIEW} made {@code IF NOT EXISTS}.
   */
  public static List<String> script(String text, String db) {
    String sql = text.lines().filter(l -> !l.startsWith("--")).collect(Collectors.joining("\n"));
    return Arrays.stream(sql.replace("${DATABASE}", db).split("\n;\n"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(
            s ->
                s.replaceFirst("^CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ")
                    .replaceFirst(
                        "^CREATE MATERIALIZED VIEW ", "CREATE MATERIALIZED VIEW IF NOT EXISTS "))
        .toList();
  }
}
