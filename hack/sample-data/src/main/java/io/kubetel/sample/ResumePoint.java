package io.kubetel.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Remembers up to when sample data has been written, so that restarting the demo continues the data
 * instead of writing the same history twice (which would double every count in the overlap).
 */
public final class ResumePoint {
  private final Path file;

  public ResumePoint(Path file) {
    this.file = file;
  }

  /** The instant written last, if the file holds one. */
  public Optional<Instant> read() {
    try {
      return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()));
    } catch (IOException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Records that data up to {@code to} is written (atomically: a crash leaves the old value). */
  public void write(Instant to) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, to.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record sample-data progress in " + file, e);
    }
  }

  /**
   * Where history loading starts: {@code history} before {@code now}, or later where earlier data
   * is already written.
   */
  public static Instant historyStart(Instant now, Duration history, Optional<Instant> written) {
    Instant start = now.minus(history);
    return written.filter(w -> w.isAfter(start)).map(w -> w.isAfter(now) ? now : w).orElse(start);
  }
}
