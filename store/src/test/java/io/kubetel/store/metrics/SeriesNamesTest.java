package io.kubetel.store.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.store.logs.LogNames;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Metric series object names: valid DNS subdomains that keep the metric name. */
class SeriesNamesTest {
  static final String DNS_SUBDOMAIN =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  @Test
  void sanitizesMetricNames() {
    assertThat(SeriesNames.sanitize("http.server.request.duration"))
        .isEqualTo("http.server.request.duration");
    assertThat(SeriesNames.sanitize("HTTP_Server Requests")).isEqualTo("http-server-requests");
    assertThat(SeriesNames.sanitize("_a..b_.-c-")).isEqualTo("a.b.c");
    assertThat(SeriesNames.sanitize("___")).isEqualTo("metric");
    assertThat(SeriesNames.sanitize("x".repeat(300))).hasSize(200);
  }

  @Test
  void namesParseBack() {
    String name = SeriesNames.name("http.server.requests", "0123456789");
    assertThat(name).isEqualTo("http.server.requests-0123456789");
    assertThat(SeriesNames.parse(name))
        .hasValue(new SeriesNames.Parsed("http.server.requests", "0123456789"));
    assertThat(SeriesNames.parse("short")).isEmpty();
    assertThat(SeriesNames.parse("abc-012345678Z")).isEmpty();
    assertThat(SeriesNames.parse("abc_0123456789")).isEmpty();
  }

  @Property(tries = 1000)
  void anyMetricNameGivesAValidDnsSubdomain(@ForAll @StringLength(max = 400) String metric) {
    String name = SeriesNames.name(metric, "abcdef0123");
    assertThat(name).matches(DNS_SUBDOMAIN).hasSizeLessThanOrEqualTo(253);
    assertThat(SeriesNames.parse(name))
        .hasValueSatisfying(p -> assertThat(p.fingerprint()).isEqualTo("abcdef0123"));
  }

  @Property(tries = 500)
  void logNamesAreValidAndRoundTrip(@ForAll @LongRange(min = 0) long nanos) {
    String name = LogNames.name(nanos, "89abcdef");
    assertThat(name).matches(DNS_SUBDOMAIN);
    assertThat(LogNames.parse(name)).hasValue(new LogNames.Parsed(nanos, "89abcdef"));
  }

  @Test
  void rejectsMalformedLogNames() {
    assertThat(LogNames.parse("abc-89abcdef")).isEmpty();
    assertThat(LogNames.parse("1-89ABCDEF")).isEmpty();
    assertThat(LogNames.parse("99999999999999999999-89abcdef")).isEmpty();
    assertThat(LogNames.parse(null)).isEmpty();
  }
}
