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
#   hack/bench.sh tenants [--flood-threads N] [--phase-seconds N] [--victim-rps N] [--rows N]
#                         [--capped-concurrency N]
#        two tenants on one API server process (standalone, real ClickHouse): the victim's list
#        latency (p50/p95/p99) alone, while a tenant capped by maxConcurrentQueries floods it
#        (default 24 threads), and while an uncapped tenant does; ClickHouse: KUBETEL_CLICKHOUSE_URL,
#        else a scratch 18.16 (TenantFloodBenchmark; numbers also in
#        apiserver/server/target/bench/tenants-result.txt)
#   hack/bench.sh alerts [--rules N] [--steady SECONDS]
#        N AlertRules (default 1000) on a 5 s interval with for: 0 over trace data in a scratch
#        ClickHouse (18.16): evaluation lag behind the slot, process CPU, and delivery latency
#        from the commit of triggering data until a loopback webhook has each notification
#        (p50/p99; numbers also in alerting/target/bench/alerts-result.txt)
#   hack/bench.sh api [--engine debian|modern] [--points N,N...] [--rows N] [--reps N]
#        every read the API serves (uncached, in-process router and handlers over plain HTTP) next
#        to the raw ClickHouse HTTP time of the same SQL, per data set generated inside ClickHouse
#        (default 1 M and 10 M metric points; 1 M spans and 1 M logs with the first); ClickHouse is
#        the one KUBETEL_CLICKHOUSE_URL names, else a scratch one of --engine started and stopped
#        here (numbers also in apiserver/server/target/bench/api-result.txt)
#   hack/bench.sh api --cached [--engine E] [--viewers N] [--seconds N] [--refresh N] [--concurrent N]
#        the result cache off and on, side by side: dashboard viewers refreshing relative-window
#        panels, and N identical requests at once: median/p99, hit ratio, ClickHouse queries,
#        coalesced requests (numbers also in apiserver/server/target/bench/api-cached-result.txt)
#   hack/bench.sh api --load [--engine E] [--connections N] [--seconds N]
#        closed loop against the server process over TLS with a client certificate: N keep-alive
#        connections (100) for S seconds (60), cached dashboard panels: req/s, p50/p99, errors,
#        CPU of server and load generator, server RSS (apiserver/server/target/bench/api-load-result.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '5,40p' "$0" | sed 's/^# \{0,1\}//' >&2; }

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
  tenants)
    shift
    props=()
    while [[ $# -gt 0 ]]; do
      case "$1" in
        --flood-threads | --phase-seconds | --victim-rps | --rows | --capped-concurrency)
          [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "bench tenants: $1 needs a positive integer" >&2; exit 2; }
          props+=("-Dkubetel.bench.${1#--}=$2")
          shift 2
          ;;
        *) echo "bench tenants: unknown argument: $1" >&2; exit 2 ;;
      esac
    done
    if [[ -z "${KUBETEL_CLICKHOUSE_URL:-}" ]]; then
      work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-bench.XXXXXX")
      trap 'hack/clickhouse.sh stop "$work/ch" || true; rm -rf "$work"' EXIT
      hack/clickhouse.sh start --engine debian "$work/ch"
      # shellcheck disable=SC1091
      source "$work/ch/env"
    fi
    mvn -B -o -q -pl apiserver/server -am verify -Djacoco.skip=true -Dspotless.check.skip=true \
      -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
      -Dit.test=TenantFloodBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" \
      -Dkubetel.clickhouse.engine="${KUBETEL_CLICKHOUSE_ENGINE:-debian}" "${props[@]}"
    echo
    echo "== tenants benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD)) =="
    cat apiserver/server/target/bench/tenants-result.txt
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
  api)
    shift
    exec hack/bench-api.sh "$@"
    ;;
  *)
    usage
    exit 2
    ;;
esac
