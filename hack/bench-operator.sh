#!/usr/bin/env bash
# The operator's scale benchmark (hack/bench.sh operator): 1000 TelemetryTenants created at once
# reach Ready. Builds the operator jar, then runs TenantScaleBenchmark (operator/src/test/.../bench)
# through surefire, which starts the fabric8 mock API server and the operator as a separate JVM.
#
#   hack/bench-operator.sh [--tenants N] [--timeout SECONDS] [--threads N] [--java-options OPTS]
#
# ClickHouse: the one KUBETEL_CLICKHOUSE_URL names (CLICKHOUSE_PID, when set, adds its CPU time to
# the report), else a scratch Debian 18.16 server started and stopped here. Measured, never gated:
# the run fails only when the tenants do not all become Ready within the timeout (default 600 s).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { echo "bench operator: $*" >&2; }

tenants=1000 timeout=600 threads=10 java_options="-Xmx512m"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenants) tenants=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --java-options) java_options=$2; shift 2 ;;
    *) log "unknown argument: $1"; exit 2 ;;
  esac
done
for n in "$tenants" "$timeout" "$threads"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { log "not a positive integer: $n"; exit 2; }
done

if [[ -z "${KUBETEL_CLICKHOUSE_URL:-}" ]]; then
  work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-bench.XXXXXX")
  trap '"$root/hack/clickhouse.sh" stop "$work/ch" || true; rm -rf "$work"' EXIT
  "$root/hack/clickhouse.sh" start --engine debian "$work/ch"
  # shellcheck disable=SC1091
  source "$work/ch/env"
fi

log "building the operator jar"
mvn -B -o -q -pl operator -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true

log "$tenants tenants, ClickHouse $KUBETEL_CLICKHOUSE_URL"
rm -f operator/target/bench/operator-result.txt
mvn -B -o -q -pl operator -am test -Djacoco.skip=true -Dspotless.check.skip=true \
  -Dtest=TenantScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" \
  -Dkubetel.bench.tenants="$tenants" -Dkubetel.bench.timeout="$timeout" \
  -Dkubetel.bench.threads="$threads" -Dkubetel.bench.clickhouse-pid="${CLICKHOUSE_PID:--1}" \
  -Dkubetel.bench.java-options="$java_options"
echo
echo "== operator benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, commit $(git rev-parse --short HEAD)) =="
cat operator/target/bench/operator-result.txt
