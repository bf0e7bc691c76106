package io.kubetel.apiserver.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.apiserver.limits.ConnectionCounter.Admission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The per-client and total connection counting of {@link ConnectionCounter}. */
class ConnectionCounterTest {
  @Test
  void eachLimitBitesAndReleasedConnectionsMakeRoom() {
    ConnectionCounter counter = new ConnectionCounter(2, 3);
    assertThat(counter.tryAcquire("a", false)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.tryAcquire("a", false)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.tryAcquire("a", false)).isEqualTo(Admission.PER_CLIENT);
    assertThat(counter.open("a")).isEqualTo(2);
    assertThat(counter.tryAcquire("b", false)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.tryAcquire("c", false)).isEqualTo(Admission.TOTAL);
    assertThat(counter.open()).isEqualTo(3);
    counter.release("a", false);
    assertThat(counter.open("a")).isEqualTo(1);
    assertThat(counter.tryAcquire("c", false)).isEqualTo(Admission.ADMITTED);
  }

  @Test
  void exemptConnectionsCountInTheTotalOnly() {
    ConnectionCounter counter = new ConnectionCounter(1, 3);
    assertThat(counter.tryAcquire("proxy", true)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.tryAcquire("proxy", true)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.open("proxy")).isZero();
    assertThat(counter.tryAcquire("proxy", false)).isEqualTo(Admission.ADMITTED);
    assertThat(counter.tryAcquire("proxy", true)).isEqualTo(Admission.TOTAL);
    counter.release("proxy", true);
    assertThat(counter.open()).isEqualTo(2);
    assertThat(counter.open("proxy")).isEqualTo(1);
  }

  @Test
  void concurrentAdmissionsNeverExceedTheLimits() throws Exception {
    ConnectionCounter counter = new ConnectionCounter(50, 120);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Admission>> results = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        String client = "c" + (i % 4);
        results.add(pool.submit(() -> counter.tryAcquire(client, false)));
      }
      long admitted = 0;
      for (Future<Admission> result : results) {
        admitted += result.get() == Admission.ADMITTED ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(120);
      assertThat(counter.open()).isEqualTo(120);
      for (int c = 0; c < 4; c++) {
        assertThat(counter.open("c" + c)).isLessThanOrEqualTo(50);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new ConnectionLimits(Duration.ofMillis(500), 1, 1))
        .hasMessageContaining("--request-read-timeout");
    assertThatThrownBy(() -> new ConnectionLimits(Duration.ofSeconds(10), 0, 1))
        .hasMessageContaining("--max-connections-per-client");
  }
}
