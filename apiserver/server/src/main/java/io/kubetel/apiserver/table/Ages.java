package io.kubetel.apiserver.table;

import java.time.Duration;

/** Formats ages like kubectl's {@code duration.HumanDuration} (e.g. 45s, 3m20s, 5h, 2d3h). */
public final class Ages {
  private Ages() {}

  public static String human(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      return compound(minutes, "m", seconds % 60, "s");
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      return compound(hours, "h", minutes % 60, "m");
    }
    if (hours < 48) {
      return hours + "h";
    }
    long days = d.toDays();
    if (hours < 192) {
      return compound(days, "d", hours % 24, "h");
    }
    if (days < 365 * 2) {
      return days + "d";
    }
    return (days / 365) + "y";
  }

  /** {@code 3m20s}-style: the larger unit, then the remainder unless it is zero ({@code 3m}). */
  private static String compound(long value, String unit, long rest, String restUnit) {
    return rest == 0 ? value + unit : value + unit + rest + restUnit;
  }

  /** A span or request duration, e.g. 850µs, 12.5ms, 1.234s, 2m3s. */
  public static String elapsed(long nanos) {
    if (nanos < 1_000) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return trim(nanos / 1_000.0) + "µs";
    }
    if (nanos < 1_000_000_000) {
      return trim(nanos / 1_000_000.0) + "ms";
    }
    if (nanos < 60_000_000_000L) {
      return trim(nanos / 1_000_000_000.0) + "s";
    }
    Duration d = Duration.ofNanos(nanos);
    return d.toMinutes() + "m" + d.toSecondsPart() + "s";
  }

  private static String trim(double v) {
    String s = String.format(java.util.Locale.ROOT, "%.3f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
