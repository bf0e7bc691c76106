package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.kubetel.crds.common.CrdPatterns;

/** The ClickHouse identity a tenant's telemetry is read as. */
public class TenantClickHouse {

  @Size(min = 1, max = 253)
  @Pattern(CrdPatterns.DNS_SUBDOMAIN)
  @JsonPropertyDescription(
      "Name of a Secret (type kubernetes.io/basic-auth: keys username and password) in the"
          + " kubetel namespace holding the ClickHouse user the API server runs this tenant's"
          + " queries as, so that ClickHouse itself refuses reads outside the tenant's database."
          + " On ClickHouse 20.4+ the user can be provisioned with SQL (SELECT on the tenant's"
          + " database only, a settings profile from quotas); on older servers an administrator"
          + " declares it in users.xml with allow_databases. Unset: the API server reads with"
          + " its own ClickHouse user. A named Secret that is missing makes reads of the tenant's"
          + " namespaces fail (503) rather than fall back to the server's user.")
  private String credentialsSecret;

  public String getCredentialsSecret() {
    return credentialsSecret;
  }

  public void setCredentialsSecret(String credentialsSecret) {
    this.credentialsSecret = credentialsSecret;
  }
}
