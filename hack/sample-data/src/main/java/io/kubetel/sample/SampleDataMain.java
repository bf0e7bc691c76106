package io.kubetel.sample;

import io.kubetel.model.duration.Durations;
import io.kubetel.model.problem.InvalidInputException;
import io.kubetel.store.clickhouse.ClickHouseGateway;
import io.kubetel.store.clickhouse.ClickHouseSettings;
import io.kubetel.store.layout.SchemaLayout;
import io.kubetel.store.schema.ClickHouseSchemaManager;
import io.kubetel.store.write.TelemetryBatch;
import io.kubetel.store.write.TelemetryWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads demo telemetry into ClickHouse: creates the schema, writes {@code --history} of data ending
 * now, then (with {@code --trickle-interval}) keeps adding fresh data until killed. Prints one
 * key=value line per batch.
 */
@Command(
    name = "kubetel-sample-data",
    mixinStandardHelpOptions = true,
    description = "Creates the kubetel schema and loads realistic sample telemetry.")
public final class SampleDataMain implements Callable<Integer> {

  @Option(names = "--clickhouse-url", required = true, description = "ClickHouse HTTP URL.")
  String url;

  @Option(names = "--database", defaultValue = "otel", description = "Database (default: otel).")
  String database;

  @Option(names = "--user", defaultValue = "default", description = "ClickHouse user.")
  String user;

  @Option(
      names = "--password-env",
      description = "Name of an environment variable holding the ClickHouse password.")
  String passwordEnv;

  @Option(names = "--history", defaultValue = "30m", description = "History to load (default 30m).")
  String history;

  @Option(
      names = "--trickle-interval",
      description = "Keep adding data every interval (e.g. 2s) until killed.")
  String trickle;

  @Option(
      names = "--resume-file",
      description =
          "File recording up to when data is written; a restart continues from there instead of"
              + " loading the same history again.")
  Path resumeFile;

  @Option(
      names = "--error-bursts-every",
      description =
          "Add error bursts (60% of traces fail for 4 minutes) this often, the first starting"
              + " now, e.g. 15m; none by default. The demo uses it so its AlertRules fire.")
  String errorBurstsEvery;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default 42).")
  long seed;

  @Option(
      names = "--traces-per-second",
      defaultValue = "2",
      description = "Trace arrival rate (default 2).")
  double tracesPerSecond;

  /** How long an error burst lasts. */
  static final Duration BURST_LENGTH = Duration.ofMinutes(4);

  public static void main(String[] args) {
    System.exit(new CommandLine(new SampleDataMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Duration historyLength;
    Duration trickleInterval = null;
    Duration burstEvery = null;
    try {
      if (errorBurstsEvery != null) {
        burstEvery = Durations.parsePositive(errorBurstsEvery, "--error-bursts-every");
      }
      historyLength = Durations.parse(history, "--history");
      if (trickle != null) {
        trickleInterval = Durations.parse(trickle, "--trickle-interval");
      }
    } catch (InvalidInputException e) {
      System.err.println("error=" + e.getMessage());
      return 2;
    }
    String password = passwordEnv == null ? "" : System.getenv().getOrDefault(passwordEnv, "");
    ClickHouseSettings settings =
        ClickHouseSettings.of(url, database).withCredentials(user, password);
    try (ClickHouseGateway gateway = new ClickHouseGateway(settings)) {
      ClickHouseSchemaManager schema = new ClickHouseSchemaManager(gateway);
      SchemaLayout layout = schema.layout();
      schema.ensureSchema(database);
      System.out.println("event=schema_ready database=" + database + " layout=" + layout);
      TelemetryWriter writer = new TelemetryWriter(gateway, layout);
      Optional<ResumePoint> resume = Optional.ofNullable(resumeFile).map(ResumePoint::new);
      Instant now = Instant.now();
      Instant from =
          ResumePoint.historyStart(now, historyLength, resume.flatMap(ResumePoint::read));
      SampleTelemetryGenerator generator =
          new SampleTelemetryGenerator(
              seed, from.minus(Duration.ofMinutes(5)), Duration.ofSeconds(15), tracesPerSecond);
      if (burstEvery != null) {
        generator.withErrorBursts(now, burstEvery, BURST_LENGTH);
      }
      // The demo's incidents sit in the last 40 minutes before now (SampleIncidents).
      generator.incidents(now);
      Duration chunk = Duration.ofMinutes(5);
      for (Instant t = from; t.isBefore(now); t = t.plus(chunk)) {
        Instant to = t.plus(chunk).isAfter(now) ? now : t.plus(chunk);
        write(writer, generator.generate(t, to), t, to, "history");
        resume.ifPresent(r -> r.write(to));
      }
      if (trickleInterval == null) {
        return 0;
      }
      Instant last = now;
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(trickleInterval.toMillis());
        Instant to = Instant.now();
        try {
          write(writer, generator.generate(last, to), last, to, "trickle");
          last = to;
          resume.ifPresent(r -> r.write(to));
        } catch (RuntimeException e) {
          // ClickHouse restarting or briefly unreachable: keep going; the next batch covers
          // the missed interval too, so the demo's data has no gap.
          System.out.println("event=batch_failed phase=trickle from=" + last + " error=" + e);
        }
      }
      return 0;
    }
  }

  private static void write(
      TelemetryWriter writer, TelemetryBatch b, Instant from, Instant to, String phase) {
    writer.write(b);
    System.out.printf(
        "event=batch_written phase=%s from=%s to=%s gauges=%d sums=%d histograms=%d spans=%d logs=%d%n",
        phase,
        from,
        to,
        b.gauges.size(),
        b.sums.size(),
        b.histograms.size(),
        b.spans.size(),
        b.logs.size());
  }
}
