#!/usr/bin/env bash
# Benchmarks: they measure and print numbers (recorded in docs/benchmarks.md) rather than pass or
# fail, so hack/test.sh does not run them.
#
#   hack/bench.sh ui [--loads N] [--warmup N] [--frames N] [--series N] [--points N]
#        the web UI in headless Chromium against a scratch demo (hack/ui-e2e.sh starts and stops
#        it): first load of the 8-panel example dashboard (median and p95 over N fresh-context
#        loads, goal ≤ 1 s on loopback) and frame time while panning/zooming a uPlot chart of
#        series × points (default 8 × 10 000); numbers also in ui/e2e/out/bench.json
#   hack/bench.sh operator [--tenants N] [--timeout SECONDS] [--threads N] [--java-options OPTS]
#        N TelemetryTenants (default 1000) created at once against the fabric8 mock API server and
#        a local ClickHouse, reconciled by the packaged operator in its own JVM: time until all are
#        Ready (goal under 60 s on 2 cores), the operator's peak RSS, CPU per process, reconciles
#        and API requests (hack/bench-operator.sh; numbers also in operator/target/bench/)
#   hack/bench.sh api [--engine debian|modern] [--points N,N...] [--rows N] [--reps N]
#        every read the API serves (uncached, in-process router and handlers over plain HTTP) next
#        to the raw ClickHouse HTTP time of the same SQL, per data set generated inside ClickHouse
#        (default 1 M and 10 M metric points; 1 M spans and 1 M logs with the first); ClickHouse is
#        the one KUBETEL_CLICKHOUSE_URL names, else a scratch one of --engine started and stopped
#        here (numbers also in apiserver/server/target/bench/api-result.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '5,20p' "$0" | sed 's/^# \{0,1\}//' >&2; }

case "${1:-}" in
  ui)
    shift
    # The hour of data the example dashboard shows, as in hack/demo.sh up.
    KUBETEL_DEMO_HISTORY=${KUBETEL_DEMO_HISTORY:-1h} exec hack/ui-e2e.sh e2e/bench.mjs "$@"
    ;;
  operator)
    shift
    exec hack/bench-operator.sh "$@"
    ;;
  api)
    shift
    exec hack/bench-api.sh "$@"
    ;;
  *)
    usage
    exit 2
    ;;
esac
