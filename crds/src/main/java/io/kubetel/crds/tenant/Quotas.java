package io.kubetel.crds.tenant;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Per-tenant query limits, enforced by the API server on every query of the tenant's data. */
public class Quotas {

  @Default("100000000")
  @Min(1000)
  @Max(100_000_000_000d)
  @JsonPropertyDescription("Most rows one query may read in ClickHouse. Defaults to 100000000.")
  private Long maxRowsRead = 100_000_000L;

  @Default("30")
  @Min(1)
  @Max(600)
  @JsonPropertyDescription("Longest a query may run, in seconds (1-600). Defaults to 30.")
  private Integer maxQuerySeconds = 30;

  @Default("10")
  @Min(1)
  @Max(1000)
  @JsonPropertyDescription("Most queries running at once for the tenant (1-1000). Defaults to 10.")
  private Integer maxConcurrentQueries = 10;

  @Default("20")
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription("Sustained queries per second for the tenant (1-10000). Defaults to 20.")
  private Integer requestsPerSecond = 20;

  public Long getMaxRowsRead() {
    return maxRowsRead;
  }

  public void setMaxRowsRead(Long maxRowsRead) {
    this.maxRowsRead = maxRowsRead;
  }

  public Integer getMaxQuerySeconds() {
    return maxQuerySeconds;
  }

  public void setMaxQuerySeconds(Integer maxQuerySeconds) {
    this.maxQuerySeconds = maxQuerySeconds;
  }

  public Integer getMaxConcurrentQueries() {
    return maxConcurrentQueries;
  }

  public void setMaxConcurrentQueries(Integer maxConcurrentQueries) {
    this.maxConcurrentQueries = maxConcurrentQueries;
  }

  public Integer getRequestsPerSecond() {
    return requestsPerSecond;
  }

  public void setRequestsPerSecond(Integer requestsPerSecond) {
    this.requestsPerSecond = requestsPerSecond;
  }
}
