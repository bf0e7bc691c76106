package io.kubetel.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The demo's incidents sit where docs say, on the services they name, and nowhere else. */
class SampleIncidentsTest {
  private static final Instant END = Instant.parse("2026-11-30T12:00:00Z");
  private final SampleIncidents incidents = new SampleIncidents(END);
  private final SampleTopology topology = new SampleTopology();

  @Test
  void latencyStepOnCheckoutForTenMinutes() {
    assertThat(incidents.latencyFactor("checkout", "POST /checkout", minus(25))).isEqualTo(5);
    assertThat(incidents.latencyFactor("checkout", "POST /checkout", minus(16))).isEqualTo(5);
    assertThat(incidents.latencyFactor("checkout", "POST /checkout", minus(15))).isEqualTo(1);
    assertThat(incidents.latencyFactor("checkout", "POST /checkout", minus(26))).isEqualTo(1);
    assertThat(incidents.latencyFactor("cart", "POST /cart", minus(20))).isEqualTo(1);
  }

  @Test
  void errorBurstOnPaymentForFourMinutes() {
    assertThat(incidents.extraErrors("payment", "POST /pay", minus(12))).isEqualTo(15);
    assertThat(incidents.extraErrors("payment", "POST /pay", minus(8))).isZero();
    assertThat(incidents.extraErrors("ledger", "POST /entries", minus(10))).isZero();
  }

  @Test
  void leakGrowsOnTheFirstLedgerPodUntilItRestarts() {
    SampleTopology.Pod first = topology.service("ledger").pods().get(0);
    SampleTopology.Pod second = topology.service("ledger").pods().get(1);

    assertThat(incidents.leakedBytes(first, 0, minus(40))).isZero();
    assertThat(incidents.leakedBytes(first, 0, minus(20))).isEqualTo(120e6);
    assertThat(incidents.leakedBytes(first, 0, minus(10))).as("restarted").isZero();
    assertThat(incidents.leakedBytes(second, 1, minus(20))).isZero();
    assertThat(SampleIncidents.none().leakedBytes(first, 0, minus(20))).isZero();
  }

  private static Instant minus(int minutes) {
    return END.minus(Duration.ofMinutes(minutes));
  }
}
