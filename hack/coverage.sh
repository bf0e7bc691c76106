#!/usr/bin/env bash
# Prints line and branch coverage per module from the JaCoCo CSV reports that `mvn verify` wrote
# (unit tests and ITs merged), and the total. Fails when total line coverage is under
# KUBETEL_MIN_LINE_COVERAGE (default 80, the user's target now; 90 later).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
reports=(*/target/site/jacoco/jacoco.csv */*/target/site/jacoco/jacoco.csv)
if [[ ${#reports[@]} -eq 0 ]]; then
  echo "coverage: no JaCoCo reports found (run mvn verify first)"
  exit 0
fi
# CSV columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,
# BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, 'FNR > 1 {
    m[$1] += $8; c[$1] += $9; bm[$1] += $6; bc[$1] += $7
    tm += $8; tc += $9; tbm += $6; tbc += $7
  }
  END {
    printf "%-28s %8s %8s\n", "coverage by module", "lines", "branches"
    for (g in m) printf "%-28s %7.1f%% %7.1f%%\n", g, 100 * c[g] / (m[g] + c[g]), (bm[g] + bc[g]) ? 100 * bc[g] / (bm[g] + bc[g]) : 100
    total = 100 * tc / (tm + tc)
    printf "%-28s %7.1f%% %7.1f%%\n", "total", total, (tbm + tbc) ? 100 * tbc / (tbm + tbc) : 100
    if (total < min) {
      printf "coverage: total line coverage %.1f%% is under the %d%% target\n", total, min
      exit 1
    }
  }' min="${KUBETEL_MIN_LINE_COVERAGE:-80}" "${reports[@]}"
