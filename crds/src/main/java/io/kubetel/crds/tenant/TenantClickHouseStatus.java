package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The ClickHouse identity the operator provisioned for a tenant (ClickHouse 20.4 and later). */
@JsonClassDescription(
    "The ClickHouse user the operator created for the tenant (ClickHouse 20.4+, when"
        + " spec.clickhouse.credentialsSecret is unset); the API server reads the tenant's data as"
        + " it.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantClickHouseStatus {

  @JsonPropertyDescription(
      "Secret (keys username, password) in the operator's tenant credentials namespace holding the"
          + " provisioned user; the API server uses it when spec.clickhouse.credentialsSecret is"
          + " unset.")
  private String credentialsSecret;

  @JsonPropertyDescription(
      "The ClickHouse user the operator created (and drops when the tenant is deleted).")
  private String user;

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantClickHouseStatus s
        && java.util.Objects.equals(credentialsSecret, s.credentialsSecret)
        && java.util.Objects.equals(user, s.user);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(credentialsSecret, user);
  }
}
