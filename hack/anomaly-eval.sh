#!/usr/bin/env bash
# Compares kubetel's anomaly detectors (static threshold, robust seasonal baseline, Random Cut
# Forest) on a corpus in the Numenta Anomaly Benchmark layout: tunes on one half of the files,
# reports NAB score, windows detected and false-positive alerts on the other half. Not part of
# hack/test.sh. Usage: hack/anomaly-eval.sh DATA_DIR LABELS_FILE
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 DATA_DIR LABELS_FILE (e.g. ../shared/datasets/nab ../shared/datasets/nab/labels_windows.json)" >&2
  exit 2
fi
data=$(realpath "$1")
labels=$(realpath "$2")
cd "$(dirname "$0")/.."
mvn -B -o -q -pl anomaly -am package -DskipTests -Djacoco.skip=true >&2
exec java -Xmx1g -cp "anomaly/target/classes:anomaly/target/lib/*" \
  io.kubetel.anomaly.eval.AnomalyEvalMain "$data" "$labels"
