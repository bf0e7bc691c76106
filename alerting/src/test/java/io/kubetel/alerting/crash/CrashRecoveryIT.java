package io.kubetel.alerting.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.alerting.testing.RecordingReceiver;
import io.kubetel.alerting.testing.RecordingReceiver.Answer;
import io.kubetel.alerting.testing.RecordingReceiver.Request;
import io.kubetel.model.alerts.NotificationRecord;
import io.kubetel.store.alerts.ClickHouseAlertHistory;
import io.kubetel.store.testing.LocalClickHouse;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluating process is killed with SIGKILL while a notification is in flight (the receiver
 * holds the request), first the firing one, then the resolve; each time the restarted process sends
 * that notification once more with the same idempotency key, and nothing else is repeated or lost.
 * Real processes, real ClickHouse (18.16 and 26.7), a receiver on loopback.
 */
class CrashRecoveryIT {
  @RegisterExtension static final LocalClickHouse ch = LocalClickHouse.perClass("alertcrash");

  @TempDir Path dir;
  final RecordingReceiver receiver = new RecordingReceiver();
  Process process;

  @AfterEach
  void stop() {
    if (process != null) {
      process.destroyForcibly();
    }
    receiver.close();
    ch.gateway().execute("DROP DATABASE IF EXISTS " + ch.database() + "_sys");
  }

  @Test
  void aKilledEvaluatorRepeatsAtMostTheNotificationInFlightWithItsKey() throws Exception {
    Path value = dir.resolve("value");
    Files.writeString(value, "9");
    receiver.then(new Answer(200, null, 60_000)); // the firing request hangs
    process = start(value);
    await(() -> receiver.requests.size() == 1, "the firing notification reaches the receiver");
    kill();

    process = start(value);
    await(() -> receiver.requests.size() == 2, "the firing notification is sent again");
    Thread.sleep(12_000); // two more evaluations: still firing, nothing new to say
    List<Request> firing = receiver.at("/hook");
    assertThat(firing).hasSize(2);
    assertThat(firing)
        .extracting(r -> r.header("Idempotency-Key"))
        .containsOnly(firing.get(0).header("Idempotency-Key"));
    assertThat(firing).extracting(r -> r.json().path("status").asText()).containsOnly("firing");

    receiver.then(new Answer(200, null, 60_000)); // the resolve hangs
    Files.writeString(value, "1");
    await(() -> receiver.requests.size() == 3, "the resolve reaches the receiver");
    kill();
    process = start(value);
    await(() -> receiver.requests.size() == 4, "the resolve is sent again");
    Thread.sleep(12_000);
    List<Request> all = receiver.at("/hook");
    assertThat(all).hasSize(4);
    assertThat(all.get(2).json().path("status").asText()).isEqualTo("resolved");
    assertThat(all.get(3).header("Idempotency-Key"))
        .isEqualTo(all.get(2).header("Idempotency-Key"));
    assertThat(all.get(3).header("Idempotency-Key"))
        .isNotEqualTo(all.get(0).header("Idempotency-Key"));

    // The log ends SENT, and the history holds one firing and one resolve transition.
    ClickHouseAlertHistory history = new ClickHouseAlertHistory(ch.gateway());
    assertThat(history.latestNotifications(ch.database() + "_sys"))
        .singleElement()
        .satisfies(n -> assertThat(n.status()).isEqualTo(NotificationRecord.Status.SENT));
    assertThat(history.list(ch.database() + "_sys", "shop", 10))
        .extracting(e -> e.from() + ">" + e.to())
        .containsExactly("Firing>Inactive", "Inactive>Firing");
  }

  private Process start(Path value) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            EvaluatorProcess.class.getName(),
            LocalClickHouse.url(),
            ch.database(),
            ch.database() + "_sys",
            receiver.url("/hook"),
            value.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("process-" + Instant.now().toEpochMilli() + ".log").toFile());
    return pb.start();
  }

  /** SIGKILL: no shutdown hook, no finally block runs in the evaluating process. */
  private void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    process = null;
  }

  private void await(BooleanSupplier done, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting until " + what + "; logs in " + logs());
      }
      Thread.sleep(100);
    }
  }

  private String logs() {
    File[] files = dir.toFile().listFiles((d, n) -> n.startsWith("process-"));
    StringBuilder sb = new StringBuilder();
    if (files != null) {
      for (File f : files) {
        try {
          sb.append("\n--- ").append(f.getName()).append("\n").append(Files.readString(f.toPath()));
        } catch (java.io.IOException e) {
          sb.append(e);
        }
      }
    }
    return sb.toString();
  }
}
