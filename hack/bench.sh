#!/usr/bin/env bash
# Benchmarks: they measure and print numbers (recorded in docs/benchmarks.md) rather than pass or
# fail, so hack/test.sh does not run them.
#
#   hack/bench.sh operator [--tenants N] [--timeout SECONDS] [--threads N] [--java-options OPTS]
#        N TelemetryTenants (default 1000) created at once against the fabric8 mock API server and
#        a local ClickHouse, reconciled by the packaged operator in its own JVM: time until all are
#        Ready (goal under 60 s on 2 cores), the operator's peak RSS, CPU per process, reconciles
#        and API requests (hack/bench-operator.sh; numbers also in operator/target/bench/)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '5,9p' "$0" | sed 's/^# \{0,1\}//' >&2; }

case "${1:-}" in
  operator)
    shift
    exec hack/bench-operator.sh "$@"
    ;;
  *)
    usage
    exit 2
    ;;
esac
