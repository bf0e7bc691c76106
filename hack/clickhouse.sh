#!/usr/bin/env bash
# Starts or stops a throwaway ClickHouse on loopback for tests and the demo.
#
#   hack/clickhouse.sh start [--engine debian|modern] DIR
#        debian (default): install Debian's clickhouse-server (18.16) if missing and start it with
#                          its data in DIR on free loopback ports
#        modern:           ClickHouse 26.7 as the chDB engine behind hack/chdb/server.js (a test-only
#                          HTTP front, see hack/chdb/README.md); installed from hack/chdb's lockfile
#                          into ${XDG_CACHE_HOME:-~/.cache}/kubetel/chdb-<lockfile hash> when missing
#        both wait until it answers and write DIR/env (KUBETEL_CLICKHOUSE_URL=...,
#        KUBETEL_CLICKHOUSE_ENGINE=..., CLICKHOUSE_PID=...)
#   hack/clickhouse.sh stop DIR      stop the server started in DIR
#   hack/clickhouse.sh status DIR    say whether it runs and answers (exit 0) or not (exit 3)
#
# Why a scratch server: tests and the demo must never touch a ClickHouse the user already runs.
set -euo pipefail

cmd=${1:-}
shift || true
engine=debian
if [[ "${1:-}" == "--engine" ]]; then
  engine=${2:-}
  shift 2 || true
fi
dir=${1:-}
if [[ -z "$cmd" || -z "$dir" || ! "$engine" =~ ^(debian|modern)$ ]]; then
  echo "usage: $0 start [--engine debian|modern] DIR | stop DIR | status DIR" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)

log() { echo "clickhouse.sh: $*" >&2; }

free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-40000 -n 1
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

install_if_missing() {
  if command -v clickhouse-server >/dev/null 2>&1; then
    return
  fi
  log "clickhouse-server not found; installing Debian's clickhouse-server"
  if [[ $(id -u) -ne 0 ]]; then
    log "need root to install clickhouse-server (or install it yourself: apt-get install clickhouse-server)"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
}

start() {
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [[ -f "$dir/env" ]]; then
    # shellcheck disable=SC1091
    source "$dir/env"
    if kill -0 "${CLICKHOUSE_PID:-0}" 2>/dev/null; then
      if [[ "${KUBETEL_CLICKHOUSE_ENGINE:-debian}" != "$engine" ]]; then
        log "a ${KUBETEL_CLICKHOUSE_ENGINE:-debian} engine already runs in $dir (pid $CLICKHOUSE_PID); stop it first"
        exit 1
      fi
      log "already running (pid $CLICKHOUSE_PID) at $KUBETEL_CLICKHOUSE_URL"
      return
    fi
  fi
  if [[ "$engine" == modern ]]; then
    start_modern
    return
  fi
  install_if_missing
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  local http_port tcp_port
  http_port=$(free_port)
  tcp_port=$(free_port)
  while [[ "$tcp_port" == "$http_port" ]]; do tcp_port=$(free_port); done
  cat >"$dir/users.xml" <<XML
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>
    <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time>
  </interval></default></quotas>
</yandex>
XML
  # Tenant users for the tenancy ITs (kubetel's TenancyCredentialsIT, ConcurrentQueriesQuotaIT):
  # each may read only its own database, through a read-only profile that still lets kubetel set
  # per-query limits (readonly=2) and that carries the tenant's maxConcurrentQueries as
  # max_concurrent_queries_for_user (ClickHouse counts it over every connection of the user, so
  # every API server replica shares it). 18.16 has no SQL access control; this is how
  # administrators declare tenants there.
  mkdir -p "$dir/users.d"
  cat >"$dir/users.d/kubetel-tenants.xml" <<XML
<yandex>
  <profiles>
    <kubetel_tenant><readonly>2</readonly><max_memory_usage>1000000000</max_memory_usage><max_concurrent_queries_for_user>10</max_concurrent_queries_for_user></kubetel_tenant>
    <kubetel_tenant_narrow><readonly>2</readonly><max_memory_usage>1000000000</max_memory_usage><max_concurrent_queries_for_user>2</max_concurrent_queries_for_user></kubetel_tenant_narrow>
  </profiles>
  <users>
    <kubetel_tenant_a>
      <password>tenant-a-secret</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>kubetel_tenant</profile>
      <quota>default</quota>
      <allow_databases><database>kt_tenancy_a</database></allow_databases>
    </kubetel_tenant_a>
    <kubetel_tenant_b>
      <password>tenant-b-secret</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>kubetel_tenant</profile>
      <quota>default</quota>
      <allow_databases><database>kt_tenancy_b</database></allow_databases>
    </kubetel_tenant_b>
    <kubetel_tenant_c>
      <password>tenant-c-secret</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>kubetel_tenant_narrow</profile>
      <quota>default</quota>
      <allow_databases><database>kt_tenancy_c</database></allow_databases>
    </kubetel_tenant_c>
  </users>
</yandex>
XML
  cat >"$dir/config.xml" <<XML
<yandex>
  <logger><level>warning</level><log>$dir/server.log</log><errorlog>$dir/server.err.log</errorlog></logger>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
</yandex>
XML
  nohup clickhouse-server --config-file="$dir/config.xml" >"$dir/stdout.log" 2>&1 &
  local pid=$!
  local url="http://127.0.0.1:$http_port"
  for _ in $(seq 1 120); do
    if curl -sf "$url/?query=SELECT%201" >/dev/null 2>&1; then
      printf 'KUBETEL_CLICKHOUSE_URL=%s\nKUBETEL_CLICKHOUSE_ENGINE=debian\nCLICKHOUSE_PID=%s\n' "$url" "$pid" >"$dir/env"
      log "started pid=$pid url=$url data=$dir/data"
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "clickhouse-server exited; last lines of its logs:"
      tail -n 20 "$dir/stdout.log" "$dir/server.err.log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.5
  done
  log "clickhouse-server did not answer within 60s"
  kill "$pid" 2>/dev/null || true
  exit 1
}

stop() {
  [[ -f "$dir/env" ]] || { log "nothing started in $dir"; return; }
  # shellcheck disable=SC1091
  source "$dir/env"
  if kill -0 "${CLICKHOUSE_PID:-0}" 2>/dev/null; then
    kill "$CLICKHOUSE_PID"
    for _ in $(seq 1 40); do kill -0 "$CLICKHOUSE_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$CLICKHOUSE_PID" 2>/dev/null || true
    log "stopped pid=$CLICKHOUSE_PID"
  fi
  rm -f "$dir/env"
}

status() {
  if [[ ! -f "$dir/env" ]]; then
    log "event=status state=stopped dir=$dir"
    exit 3
  fi
  # shellcheck disable=SC1091
  source "$dir/env"
  if kill -0 "${CLICKHOUSE_PID:-0}" 2>/dev/null && curl -sf "$KUBETEL_CLICKHOUSE_URL/ping" >/dev/null 2>&1; then
    log "event=status state=running engine=${KUBETEL_CLICKHOUSE_ENGINE:-debian} pid=$CLICKHOUSE_PID url=$KUBETEL_CLICKHOUSE_URL"
    return
  fi
  log "event=status state=not_answering engine=${KUBETEL_CLICKHOUSE_ENGINE:-debian} pid=${CLICKHOUSE_PID:-} dir=$dir"
  exit 3
}

# shellcheck source=hack/chdb/engine.sh
source "$root/hack/chdb/engine.sh"

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [--engine debian|modern] DIR | stop DIR | status DIR" >&2; exit 2 ;;
esac
