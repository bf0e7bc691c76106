package io.kubetel.operator.tenant.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.store.StoreAccessDeniedException;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseQueryException;
import io.kubetel.store.sql.SqlLiteral;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AccessControl} on the operator's ClickHouse connection. Access-control statements are run
 * through the gateway's quiet path: no statement in any log, and a failure carries only the
 * ClickHouse error code, never the statement or the server's message (which may quote it).
 */
public record ClickHouseAccessControl(ClickHouseGateway gateway) implements AccessControl {

  /**
   * Access storage types SQL can create users in ({@code users_xml} and {@code ldap} are
   * read-only).
   */
  private static final Set<String> WRITABLE = Set.of("local_directory", "replicated", "memory");

  @Override
  public ClickHouseVersion version() {
    return ClickHouseVersion.parse(gateway.serverVersion());
  }

  @Override
  public boolean userExists(String user) {
    return !gateway
        .select(
            "SELECT name FROM system.users WHERE name = "
                + SqlLiteral.string(user)
                + " FORMAT JSONEachRow")
        .isEmpty();
  }

  @Override
  public void executeSecret(String statement) {
    gateway.executeQuietly(statement);
  }

  @Override
  public Optional<Boolean> writableAccessStorage() {
    List<JsonNode> directories;
    try {
      directories =
          gateway.select("SELECT type, params FROM system.user_directories FORMAT JSONEachRow");
    } catch (ClickHouseQueryException | StoreAccessDeniedException e) {
      return Optional.empty(); // no such table (before 20.x) or not readable: it does not say
    }
    return Optional.of(
        directories.stream()
            .anyMatch(
                d ->
                    WRITABLE.contains(d.path("type").asText())
                        && !d.path("params")
                            .asText()
                            .replace(" ", "")
                            .contains("\"readonly\":true")));
  }

  @Override
  public String operatorUser() {
    String user = gateway.settings().user();
    return user == null || user.isBlank() ? "default" : user;
  }
}
