package io.kubetel.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubetel.model.store.StoreUnavailableException;
import io.kubetel.model.store.TelemetryStore;
import io.kubetel.store.testing.InMemoryTelemetryStore;
import io.kubetel.store.testing.TelemetryStoreContract;
import io.kubetel.store.write.TelemetryBatch;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The store contract on the in-memory fake the API server's handler tests use: it must answer like
 * ClickHouse does ({@code TelemetryStoreIT}).
 */
class InMemoryTelemetryStoreTest extends TelemetryStoreContract {

  @Override
  protected TelemetryStore seed(TelemetryBatch batch) {
    InMemoryTelemetryStore fake = new InMemoryTelemetryStore();
    fake.write(batch);
    return fake;
  }

  @Test
  void failWithMakesEveryReadThrowUntilCleared() {
    InMemoryTelemetryStore fake = new InMemoryTelemetryStore();
    fake.failWith(() -> new StoreUnavailableException("down", null));
    assertThatThrownBy(fake::ping).isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> fake.listLogs(req(null, 1)))
        .isInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> fake.metricExists("m", Optional.empty()))
        .isInstanceOf(StoreUnavailableException.class);
    fake.failWith(null);
    assertThat(fake.listLogs(req(null, 1)).items()).isEmpty();
    assertThat(fake.listCalls.get()).isEqualTo(1);
  }
}
