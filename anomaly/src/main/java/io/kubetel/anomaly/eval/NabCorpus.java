package io.kubetel.anomaly.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubetel.model.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a corpus in the Numenta Anomaly Benchmark layout: {@code <group>/<file>.csv} files of
 * {@code timestamp,value} (under the folder given or its {@code data/} subfolder) and a labels file
 * mapping {@code <group>/<file>.csv} to a list of {@code [start, end]} windows. Timestamps are
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]}, read as UTC. A file without labels is refused: the
 * evaluation would silently treat its anomalies as false positives.
 */
public final class NabCorpus {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

  private NabCorpus() {}

  /** Every labelled series under {@code dataDir}, sorted by key. */
  public static List<NabSeries> load(Path dataDir, Path labelsFile) throws IOException {
    Path root = Files.isDirectory(dataDir.resolve("data")) ? dataDir.resolve("data") : dataDir;
    JsonNode labels = Json.mapper().readTree(labelsFile.toFile());
    if (labels == null || !labels.isObject()) {
      throw new IllegalArgumentException(labelsFile + ": not a JSON object of windows per file");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root, 2)) {
      files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(root + ": no <group>/<file>.csv files");
    }
    List<NabSeries> series = new ArrayList<>();
    for (Path file : files) {
      String key = root.relativize(file).toString().replace('\\', '/');
      JsonNode windows = labels.get(key);
      if (windows == null) {
        throw new IllegalArgumentException(labelsFile + ": no windows for " + key);
      }
      series.add(read(key, file, windows));
    }
    series.sort(Comparator.comparing(NabSeries::key));
    return series;
  }

  private static NabSeries read(String key, Path file, JsonNode windowsJson) throws IOException {
    List<String> lines = Files.readAllLines(file);
    long[] times = new long[lines.size()];
    double[] values = new double[lines.size()];
    int n = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new IllegalArgumentException(key + " line " + (i + 1) + ": expected timestamp,value");
      }
      try {
        times[n] = parseTime(line.substring(0, comma));
        values[n] = Double.parseDouble(line.substring(comma + 1).strip());
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException(key + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
      n++;
    }
    times = Arrays.copyOf(times, n);
    values = Arrays.copyOf(values, n);
    String group = key.contains("/") ? key.substring(0, key.indexOf('/')) : "";
    return new NabSeries(key, group, times, values, windows(key, times, windowsJson));
  }

  private static List<NabSeries.Window> windows(String key, long[] times, JsonNode json) {
    List<NabSeries.Window> windows = new ArrayList<>();
    for (Iterator<JsonNode> it = json.elements(); it.hasNext(); ) {
      JsonNode pair = it.next();
      if (!pair.isArray() || pair.size() != 2) {
        throw new IllegalArgumentException(key + ": a window is not a [start, end] pair");
      }
      long start = parseTime(pair.get(0).asText());
      long end = parseTime(pair.get(1).asText());
      int first = -1;
      int last = -1;
      for (int i = 0; i < times.length; i++) {
        if (times[i] >= start && times[i] <= end) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (first >= 0) {
        windows.add(new NabSeries.Window(first, last));
      }
    }
    windows.sort(Comparator.comparingInt(NabSeries.Window::first));
    return List.copyOf(windows);
  }

  static long parseTime(String text) {
    return LocalDateTime.parse(text.strip(), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Groups in key order, for reports. */
  public static Map<String, List<NabSeries>> byGroup(List<NabSeries> series) {
    Map<String, List<NabSeries>> groups = new java.util.TreeMap<>();
    for (NabSeries s : series) {
      groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    }
    return groups;
  }
}
