package io.kubetel.anomaly.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuning/evaluation split: within each group, files in key order alternate — the 1st, 3rd, 5th…
 * tune, the 2nd, 4th… are reported on. Decided by position alone, before any detector runs, so
 * every group contributes to both sides and no file is chosen for how it scores.
 *
 * @param tuning the series parameters are chosen on
 * @param evaluation the series results are reported on
 */
public record Split(List<NabSeries> tuning, List<NabSeries> evaluation) {

  public static final String RULE =
      "within each group, files in name order alternate: 1st, 3rd, 5th... tune; 2nd, 4th... evaluate";

  public static Split of(List<NabSeries> series) {
    List<NabSeries> tuning = new ArrayList<>();
    List<NabSeries> evaluation = new ArrayList<>();
    for (Map.Entry<String, List<NabSeries>> group : NabCorpus.byGroup(series).entrySet()) {
      List<NabSeries> members = group.getValue();
      for (int i = 0; i < members.size(); i++) {
        (i % 2 == 0 ? tuning : evaluation).add(members.get(i));
      }
    }
    return new Split(List.copyOf(tuning), List.copyOf(evaluation));
  }
}
