package io.kubetel.store.logs;

import io.kubetel.model.query.Signal;
import io.kubetel.store.sql.Dialect;
import io.kubetel.store.sql.FieldSql;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Object names of log records: {@code <epoch-nanos>-<8 hex fingerprint>}. The timestamp lets
 * get-by-name read one instant; the fingerprint (computed in SQL, {@link #fingerprintSql}) tells
 * apart records sharing it. Always a valid DNS name.
 */
public final class LogNames {
  public static final int FINGERPRINT_LENGTH = 8;
  private static final Pattern NAME = Pattern.compile("(\\d{1,19})-([0-9a-f]{8})");

  private LogNames() {}

  /** A parsed log name. */
  public record Parsed(long epochNanos, String fingerprint) {}

  public static String name(long epochNanos, String fingerprint) {
    if (epochNanos < 0 || !fingerprint.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("invalid log name parts");
    }
    return epochNanos + "-" + fingerprint;
  }

  public static Optional<Parsed> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Parsed(Long.parseLong(m.group(1)), m.group(2)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** SQL computing a record's fingerprint from its content (both layouts give the same value). */
  public static String fingerprintSql(Dialect dialect) {
    FieldSql f = new FieldSql(dialect, Signal.LOGS);
    return "substring(lower(hex(sipHash128(concat(TraceId, '\\x1f', SpanId, '\\x1f', ServiceName,"
        + " '\\x1f', SeverityText, '\\x1f', Body, '\\x1f', "
        + f.namespace()
        + ", '\\x1f', "
        + f.pod()
        + ", '\\x1f', "
        + dialect.canonicalAttrs("LogAttributes")
        + ")))), 1, "
        + FINGERPRINT_LENGTH
        + ")";
  }
}
