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
#   hack/bench.sh alerts [--rules N] [--steady SECONDS]
#        N AlertRules (default 1000) on a 5 s interval with for: 0 over trace data in a scratch
#        ClickHouse (18.16): evaluation lag behind the slot, process CPU, and delivery latency
#        from the commit of triggering data until a loopback webhook has each notification
#        (p50/p99; numbers also in alerting/target/bench/alerts-result.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '5,18p' "$0" | sed 's/^# \{0,1\}//' >&2; }

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
  alerts)
    shift
    rules=1000
    steady=30
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --rules) rules=$2; shift 2 ;;
        --steady) steady=$2; shift 2 ;;
        *) usage; exit 2 ;;
      esac
    done
    if [[ -z "${KUBETEL_CLICKHOUSE_URL:-}" ]]; then
      work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-bench-alerts.XXXXXX")
      trap 'hack/clickhouse.sh stop "$work/ch" || true; rm -rf "$work"' EXIT
      hack/clickhouse.sh start --engine debian "$work/ch"
      # shellcheck disable=SC1091
      source "$work/ch/env"
    fi
    rm -f alerting/target/bench/alerts-result.txt
    mvn -B -o -q -pl alerting -am test -Djacoco.skip=true -Dspotless.check.skip=true \
      -Dtest=AlertsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" \
      -Dkubetel.clickhouse.engine="${KUBETEL_CLICKHOUSE_ENGINE:-debian}" \
      -Dkubetel.bench.rules="$rules" -Dkubetel.bench.steady="$steady" >/dev/null
    echo "== alerts benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD)) =="
    cat alerting/target/bench/alerts-result.txt
    ;;
  *)
    usage
    exit 2
    ;;
esac
