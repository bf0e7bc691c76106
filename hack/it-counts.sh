#!/usr/bin/env bash
# Prints how many IT classes and tests ran against one layout, from the failsafe reports one
# Maven run wrote (every module's target/REPORTS/TEST-*.xml), and fails when fewer ran than
# expected: an IT that silently stopped running (skipped, lost its engine, renamed away from *IT)
# must not pass unnoticed. hack/test.sh calls it once per layout.
#
#   hack/it-counts.sh LAYOUT REPORTS MIN_CLASSES MIN_TESTS
#
# A test "ran" when it was not skipped; a class ran when at least one of its tests did. Tests
# skipped on purpose (assertions of the other layout) are printed but not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob

if [[ $# -ne 4 ]]; then
  echo "usage: $0 LAYOUT REPORTS MIN_CLASSES MIN_TESTS" >&2
  exit 2
fi
layout=$1 reports=$2 min_classes=$3 min_tests=$4

# The value of attribute $2 on the <testsuite> element of report $1.
attr() {
  sed -n '/<testsuite /{s/.*<testsuite [^>]* '"$2"'="\([0-9]*\)".*/\1/p;q}' "$1"
}

classes=0 ran=0 skipped=0 failed=0
declare -A per_module=()
for f in */target/"$reports"/TEST-*.xml */*/target/"$reports"/TEST-*.xml; do
  tests=$(attr "$f" tests) skips=$(attr "$f" skipped)
  broken=$(($(attr "$f" failures) + $(attr "$f" errors)))
  module=${f%%/target/*}
  skipped=$((skipped + skips))
  failed=$((failed + broken))
  if ((broken > 0)); then
    echo "it-counts: $layout: FAILED $f" >&2
  fi
  if ((tests > skips)); then
    classes=$((classes + 1))
    ran=$((ran + tests - skips))
    per_module[$module]=$((${per_module[$module]:-0} + tests - skips))
  fi
done

detail=""
for m in $(printf '%s\n' "${!per_module[@]}" | sort); do
  detail+=" $m=${per_module[$m]}"
done
echo "it-counts: $layout: $classes IT classes, $ran tests ran ($skipped skipped for the other layout, $failed failed);$detail"
if ((failed > 0)); then
  echo "it-counts: $layout: $failed tests failed" >&2
  exit 1
fi
if ((classes < min_classes || ran < min_tests)); then
  echo "it-counts: $layout: expected at least $min_classes IT classes and $min_tests tests" >&2
  exit 1
fi
