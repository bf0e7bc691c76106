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
  @JsonPropertyDescription(
      "Most queries of the tenant running at once in one API server replica (1-1000; past it"
          + " 429 with Retry-After). Where the tenant reads as its own ClickHouse user, that user's"
          + " max_concurrent_queries_for_user (set by the operator on ClickHouse 20.4+, by the"
          + " administrator in users.xml before) also limits it across all replicas. Defaults to"
          + " 10.")
  private Integer maxConcurrentQueries = 10;

  @Default("20")
  @Min(1)
  @Max(10000)
  @JsonPropertyDescription(
      "Sustained requests per second each user may make against the tenant's namespaces"
          + " (1-10000; past it the API server answers 429 with Retry-After). Defaults to 20.")
  private Integer requestsPerSecond = 20;

  @Default("200000")
  @Min(1)
  @Max(100_000_000d)
  @JsonPropertyDescription(
      "Most rows one query may return (ClickHouse max_result_rows; more is an error asking to"
          + " narrow the query). Defaults to 200000.")
  private Long maxResultRows = 200_000L;

  @Min(1_000_000)
  @Max(1_000_000_000_000d)
  @JsonPropertyDescription(
      "Most memory one query may use in ClickHouse, in bytes (max_memory_usage). Unset: the"
          + " ClickHouse server's own limit.")
  private Long maxMemoryBytes;

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

  public Long getMaxResultRows() {
    return maxResultRows;
  }

  public void setMaxResultRows(Long maxResultRows) {
    this.maxResultRows = maxResultRows;
  }

  public Long getMaxMemoryBytes() {
    return maxMemoryBytes;
  }

  public void setMaxMemoryBytes(Long maxMemoryBytes) {
    this.maxMemoryBytes = maxMemoryBytes;
  }
}
