package io.kubetel.anomaly.eval;

import io.kubetel.anomaly.rcf.RandomCutForestFactory;
import io.kubetel.anomaly.rcf.RcfSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hack/anomaly-eval.sh DATA_DIR LABELS_FILE}: compares the detectors on a NAB-format corpus.
 * Splits the files (see {@link Split}), tunes one parameter set per detector on the tuning split,
 * picks the default detector (the learned detector with the best NAB score on the tuning split),
 * then reports every detector on the evaluation split per group and overall against the static
 * baseline, with memory per series and throughput. The last line is {@link SummaryLine} for the
 * default detector.
 */
public final class AnomalyEvalMain {
  private AnomalyEvalMain() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: anomaly-eval.sh DATA_DIR LABELS_FILE");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    Path labels = Path.of(args[1]);
    if (!Files.isDirectory(data) || !Files.isRegularFile(labels)) {
      System.err.println("anomaly-eval: " + data + " must be a folder and " + labels + " a file");
      System.exit(2);
    }
    try {
      run(NabCorpus.load(data, labels), System.out);
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("anomaly-eval: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(List<NabSeries> corpus, PrintStream out) {
    Split split = Split.of(corpus);
    out.printf(
        Locale.ROOT,
        "split: %s; tuning=%d files (%d windows), evaluation=%d files (%d windows)%n",
        Split.RULE,
        split.tuning().size(),
        windows(split.tuning()),
        split.evaluation().size(),
        windows(split.evaluation()));
    out.println(
        "scoring: NAB standard profile on each detector's own flags; probationary period"
            + " (first 15%, at most 750 points) not scored; fp_alerts = runs of flagged points outside"
            + " every window");

    DetectorRun staticTuned = Tuning.best(Candidates.staticThresholds(), split.tuning(), out);
    DetectorRun seasonalTuned = Tuning.best(Candidates.seasonal(), split.tuning(), out);
    DetectorRun rcfTuned = Tuning.best(Candidates.randomCutForest(), split.tuning(), out);
    for (DetectorRun chosen : List.of(staticTuned, seasonalTuned, rcfTuned)) {
      out.println(
          "chosen "
              + chosen.candidate().detector()
              + " (tuning "
              + Report.numbers(chosen.total(), staticTuned.total())
              + ") | "
              + chosen.candidate().params());
    }
    DetectorRun defaultTuned =
        Tuning.nabOrZero(rcfTuned.total()) > Tuning.nabOrZero(seasonalTuned.total())
            ? rcfTuned
            : seasonalTuned;
    String defaultName = defaultTuned.candidate().detector();
    out.println(
        "default detector: "
            + defaultName
            + " (the learned detector with the higher NAB score on the tuning split)");

    Map<String, List<NabSeries>> groups = NabCorpus.byGroup(split.evaluation());
    DetectorRun baseline = DetectorRun.of(staticTuned.candidate(), split.evaluation());
    DetectorRun seasonal = DetectorRun.of(seasonalTuned.candidate(), split.evaluation());
    DetectorRun rcf = DetectorRun.of(rcfTuned.candidate(), split.evaluation());
    RcfSettings small =
        ((RandomCutForestFactory) rcfTuned.candidate().factory().apply(0)).settings();
    RcfSettings big = RcfSettings.libraryDefaultSize();
    DetectorRun rcfLarge =
        DetectorRun.of(
            Candidates.rcf(small.withSize(big.trees(), big.sampleSize())), split.evaluation());
    Report.byGroup("static", baseline, baseline, groups, out);
    Report.byGroup("seasonal", seasonal, baseline, groups, out);
    Report.byGroup("rcf", rcf, baseline, groups, out);
    Report.byGroup("rcf-library-size", rcfLarge, baseline, groups, out);

    NabSeries longest =
        corpus.stream().max(java.util.Comparator.comparingInt(NabSeries::size)).orElseThrow();
    for (DetectorRun r : List.of(baseline, seasonal, rcf, rcfLarge)) {
      long[] memory =
          MemoryProbe.measure(r.candidate().factory().apply(longest.probation()), longest);
      out.printf(
          Locale.ROOT,
          "cost %s: state=%d bytes heap=%d bytes per series; throughput=%.0f points/s/core | %s%n",
          r == rcfLarge ? "rcf-library-size" : r.candidate().detector(),
          memory[0],
          memory[1],
          r.pointsPerCoreSecond(),
          r.candidate().params());
    }
    DetectorRun chosenEval = defaultName.equals("rcf") ? rcf : seasonal;
    out.println(SummaryLine.format(defaultName, chosenEval.total(), baseline.total()));
  }

  private static int windows(List<NabSeries> series) {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }
}
