#!/usr/bin/env bash
# Prints line and branch coverage per module and the total, crediting each module's classes with
# what EVERY module's tests ran (the model, for one, is mostly exercised by the store's and the API
# server's tests). Run after `mvn verify`: it merges all target/jacoco*.exec files (unit tests and
# ITs of every module) with the JaCoCo CLI and reports each module's classes against the merge.
# Fails when total line coverage is under KUBETEL_MIN_LINE_COVERAGE (default 80), or when the shared
# code (model + store together) or the API server is under KUBETEL_MIN_SHARED_COVERAGE (default 90).
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob

# module folder and the name the report prints, in print order
modules=(
  "model|model"
  "store|store"
  "alerting|alerting"
  "anomaly|anomaly detectors"
  "apiserver/server|API server"
  "operator|operator"
  "crds|CRD types"
  "hack/sample-data|sample data"
)

# The execution data the modules wrote; jacoco-merged.exec only repeats a module's own files.
execs=()
for f in */target/jacoco*.exec */*/target/jacoco*.exec; do
  [[ "$(basename "$f")" == jacoco-merged.exec ]] || execs+=("$f")
done
if [[ ${#execs[@]} -eq 0 ]]; then
  echo "coverage: no JaCoCo execution data found (run mvn verify first)"
  exit 0
fi

# The CLI of the same JaCoCo version as the plugin that recorded the data.
version=$(sed -n 's:.*<jacoco.version>\(.*\)</jacoco.version>.*:\1:p' pom.xml)
cli="${MAVEN_REPO:-$HOME/.m2/repository}/org/jacoco/org.jacoco.cli/$version/org.jacoco.cli-$version-nodeps.jar"
if [[ ! -f "$cli" ]]; then
  mvn -B -q -N dependency:get -Dartifact="org.jacoco:org.jacoco.cli:$version:jar:nodeps" \
    -Dtransitive=false >&2
fi

out=target/coverage
rm -rf "$out"
mkdir -p "$out"
java -jar "$cli" merge "${execs[@]}" --destfile "$out/all.exec" --quiet

csvs=()
all_classes=()
for entry in "${modules[@]}"; do
  dir=${entry%%|*}
  name=${entry#*|}
  [[ -d "$dir/target/classes" ]] || continue
  all_classes+=(--classfiles "$dir/target/classes")
  csv="$out/$(echo "$dir" | tr / -).csv"
  java -jar "$cli" report "$out/all.exec" --classfiles "$dir/target/classes" --name "$name" \
    --csv "$csv" --quiet
  csvs+=("$csv")
done
# One browsable report of everything, for finding what is not covered.
java -jar "$cli" report "$out/all.exec" "${all_classes[@]}" --name kubetel --html "$out/html" \
  --quiet

# CSV columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,
# BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, 'FNR == 1 { next }
  {
    if (!($1 in m)) order[++n] = $1
    m[$1] += $8; c[$1] += $9; bm[$1] += $6; bc[$1] += $7
    tm += $8; tc += $9; tbm += $6; tbc += $7
  }
  function pct(covered, missed) { return covered + missed ? 100 * covered / (covered + missed) : 100 }
  END {
    printf "%-28s %8s %8s\n", "coverage by module", "lines", "branches"
    for (i = 1; i <= n; i++) printf "%-28s %7.1f%% %7.1f%%\n", order[i], pct(c[order[i]], m[order[i]]), pct(bc[order[i]], bm[order[i]])
    shared = pct(c["model"] + c["store"], m["model"] + m["store"])
    server = pct(c["API server"], m["API server"])
    total = pct(tc, tm)
    printf "%-28s %7.1f%%\n", "shared (model + store)", shared
    printf "%-28s %7.1f%% %7.1f%%\n", "total", total, pct(tbc, tbm)
    failed = 0
    if (total < min) {
      printf "coverage: total line coverage %.1f%% is under the %d%% target\n", total, min
      failed = 1
    }
    if (shared < minShared) {
      printf "coverage: shared code (model + store) line coverage %.1f%% is under the %d%% target\n", shared, minShared
      failed = 1
    }
    if (("API server" in m) && server < minShared) {
      printf "coverage: API server line coverage %.1f%% is under the %d%% target\n", server, minShared
      failed = 1
    }
    exit failed
  }' min="${KUBETEL_MIN_LINE_COVERAGE:-80}" minShared="${KUBETEL_MIN_SHARED_COVERAGE:-90}" \
  "${csvs[@]}"
