#!/usr/bin/env bash
# The API benchmark (hack/bench.sh api): runs ApiBenchmark (apiserver/server/src/test/.../bench)
# through surefire against ClickHouse, printing per request the API's median/p99 next to the raw
# ClickHouse time of the same SQL, their ratio, and rows read per item returned.
#
#   hack/bench-api.sh [--engine debian|modern] [--points N,N...] [--rows N] [--reps N]
#   hack/bench-api.sh --cached [--engine debian|modern] [--viewers N] [--seconds N] [--refresh N]
#                     [--concurrent N]
#   hack/bench-api.sh --load [--engine debian|modern] [--connections N] [--seconds N]
#
# --cached runs CachedApiBenchmark instead: the result cache off, then on, for dashboard viewers
# refreshing 5 relative-window panels every --refresh seconds (default 20 viewers, 5 s, 30 s long)
# and for --concurrent identical requests at once (default 50, 5 rounds), on the 1 M data set:
# median/p99, hit ratio, ClickHouse queries and coalesced requests.
#
# --load runs LoadBenchmark: the packaged server as its own process (TLS, client certificate,
# result cache on) and --connections keep-alive HTTPS connections (default 100) presenting the
# client certificate in a closed loop for --seconds (default 60) over a past hour's dashboard
# panels: requests/s, p50/p99, errors, CPU of server and load generator, server RSS.
#
# ClickHouse: the one KUBETEL_CLICKHOUSE_URL (and KUBETEL_CLICKHOUSE_ENGINE) names, else a scratch
# server of --engine started and stopped here. Data sets are generated inside ClickHouse in
# databases kubetel_bench_<size> and reused by later runs against the same server.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { echo "bench api: $*" >&2; }

engine=${KUBETEL_CLICKHOUSE_ENGINE:-debian} points=1000000,10000000 rows=1000000 reps=30
cached=false load=false viewers=20 seconds= refresh=5 concurrent=50 connections=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cached) cached=true; shift ;;
    --load) load=true; shift ;;
    --connections) connections=$2; shift 2 ;;
    --viewers) viewers=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --refresh) refresh=$2; shift 2 ;;
    --concurrent) concurrent=$2; shift 2 ;;
    --engine) engine=$2; shift 2 ;;
    --points) points=$2; shift 2 ;;
    --rows) rows=$2; shift 2 ;;
    --reps) reps=$2; shift 2 ;;
    *) log "unknown argument: $1"; exit 2 ;;
  esac
done
[[ "$engine" =~ ^(debian|modern)$ ]] || { log "--engine must be debian or modern"; exit 2; }
[[ "$points" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { log "--points: comma-separated positive integers"; exit 2; }
for n in "$rows" "$reps" "$viewers" "${seconds:-1}" "$refresh" "$concurrent" "$connections"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { log "not a positive integer: $n"; exit 2; }
done

if [[ -z "${KUBETEL_CLICKHOUSE_URL:-}" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-bench.XXXXXX")
  trap '"$root/hack/clickhouse.sh" stop "$work/ch" || true; rm -rf "$work"' EXIT
  "$root/hack/clickhouse.sh" start --engine "$engine" "$work/ch"
  # shellcheck disable=SC1091
  source "$work/ch/env"
fi

if [[ "$load" == true ]]; then
  seconds=${seconds:-60}
  log "load: engine $engine, ClickHouse $KUBETEL_CLICKHOUSE_URL, $connections connections for ${seconds}s"
  # The server runs from the packaged layout (target/kubetel-apiserver.jar + lib/).
  mvn -B -o -q -pl apiserver/server -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true
  mvn -B -o -q -pl apiserver/server -am test -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" -Dkubetel.clickhouse.engine="$engine" \
    -Dkubetel.bench.connections="$connections" -Dkubetel.bench.seconds="$seconds" \
    -Dkubetel.apiserver.target="$root/apiserver/server/target" \
    | grep -v "^\[\|^$\|apiserver.access" || true
  echo
  echo "== load benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD)) =="
  cat apiserver/server/target/bench/api-load-result.txt
  exit 0
fi

seconds=${seconds:-30}
if [[ "$cached" == true ]]; then
  log "cached: engine $engine, ClickHouse $KUBETEL_CLICKHOUSE_URL, $viewers viewers every ${refresh}s for ${seconds}s, $concurrent at once"
  mvn -B -o -q -pl apiserver/server -am test -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dtest=CachedApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" -Dkubetel.clickhouse.engine="$engine" \
    -Dkubetel.bench.viewers="$viewers" -Dkubetel.bench.seconds="$seconds" \
    -Dkubetel.bench.refresh="$refresh" -Dkubetel.bench.concurrent="$concurrent" \
    | grep -v "^\[\|^$\|apiserver.access" || true
  echo
  echo "== cached API benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD)) =="
  cat apiserver/server/target/bench/api-cached-result.txt
  exit 0
fi

log "engine $engine, ClickHouse $KUBETEL_CLICKHOUSE_URL, points $points, spans/logs $rows, $reps repetitions"
mvn -B -o -q -pl apiserver/server -am test -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dtest=ApiBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" -Dkubetel.clickhouse.engine="$engine" \
  -Dkubetel.bench.points="$points" -Dkubetel.bench.rows="$rows" -Dkubetel.bench.reps="$reps" \
  | grep -v "^\[\|^$\|apiserver.access" || true
echo
echo "== API benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), commit $(git rev-parse --short HEAD)) =="
cat apiserver/server/target/bench/api-result.txt
