#!/usr/bin/env bash
# The README's main command: a local kubetel demo on this machine, no cluster needed.
#
#   hack/demo.sh up [--engine debian|modern]
#                       install/start ClickHouse on loopback, create the schema, load an hour of
#                       realistic telemetry and keep a trickle of new data flowing, build and start
#                       the API server in standalone mode (HTTPS + client certificate; it also
#                       serves the Dashboards and AlertRules of examples/ read-only and evaluates
#                       the AlertRules, delivering to a local receiver it starts), write
#                       .demo/kubeconfig, build the web UI (ui/, when npm is installed) and
#                       serve it with `kubectl proxy` same-origin with the API, and print kubectl
#                       commands and the UI's address to try. --engine modern runs it on
#                       ClickHouse 26.7 (the chDB engine) with the current OTel exporter's tables;
#                       the default is Debian's clickhouse-server 18.16 (kubetel's COMPAT layout)
#   hack/demo.sh down   stop everything `up` started (data stays in .demo/ until you delete it)
#   hack/demo.sh status show what is running
#
# KUBETEL_DEMO_DIR (default .demo) holds its state, so a second demo (the web UI's browser suite,
# hack/ui-e2e.sh) can run next to yours; every port is a free one. KUBETEL_DEMO_HISTORY (default
# 1h) is how much past telemetry `up` loads before the trickle starts. KUBETEL_DEMO_JAVA_OPTS
# (default -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError) are the API server's JVM options.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
demo="${KUBETEL_DEMO_DIR:-$root/.demo}"
mkdir -p "$demo"
demo=$(cd "$demo" && pwd)
database=otel
jar="$root/apiserver/server/target/kubetel-apiserver.jar"
libs="$root/apiserver/server/target/lib"
sample_jar="$root/hack/sample-data/target/kubetel-sample-data-0.1.0-SNAPSHOT.jar"
sample_libs="$root/hack/sample-data/target/lib"

log() { echo "demo.sh: $*" >&2; }

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid() {
  local file=$1 name=$2
  if running "$file"; then
    kill "$(cat "$file")"
    for _ in $(seq 1 40); do running "$file" || break; sleep 0.25; done
    running "$file" && kill -9 "$(cat "$file")" 2>/dev/null || true
    log "stopped $name"
  fi
  rm -f "$file"
}

# The engine the demo runs on (written by `up`; `down` and `status` follow it).
engine_of_demo() { cat "$demo/engine" 2>/dev/null || echo debian; }

engine_line() {
  if [[ $1 == modern ]]; then
    echo "ClickHouse 26.7 on chDB, the current OTel exporter's tables"
  else
    echo "clickhouse-server 18.16, kubetel's COMPAT layout; hack/demo.sh up --engine modern for 26.7"
  fi
}

# Each engine keeps its own data directory, so switching engines never mixes their files.
clickhouse_dir() { if [[ $1 == modern ]]; then echo "$demo/clickhouse-modern"; else echo "$demo/clickhouse"; fi; }

up() {
  local engine=debian
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --engine) engine=${2:-}; shift 2 || true ;;
      --engine=*) engine=${1#--engine=}; shift ;;
      *) log "unknown option '$1' (usage: $0 up [--engine debian|modern])"; exit 2 ;;
    esac
  done
  if [[ $engine != debian && $engine != modern ]]; then
    log "--engine must be debian (clickhouse-server 18.16) or modern (ClickHouse 26.7 on chDB), got '$engine'"
    exit 2
  fi
  for tool in java mvn kubectl curl; do
    command -v "$tool" >/dev/null 2>&1 || { log "missing required tool: $tool"; exit 1; }
  done
  mkdir -p "$demo"
  local current
  current=$(engine_of_demo)
  if [[ -f "$demo/engine" && $current != "$engine" ]] && running "$demo/apiserver.pid"; then
    log "the demo is running on the $current engine; run '$0 down' before starting it on $engine"
    exit 2
  fi
  echo "$engine" >"$demo/engine"
  local chdir
  chdir=$(clickhouse_dir "$engine")
  "$root/hack/clickhouse.sh" start --engine "$engine" "$chdir"
  # shellcheck disable=SC1090
  source "$chdir/env"

  # Rebuild when there is no jar yet or any source or pom is newer than it.
  if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/pom.xml" "$root/apiserver" "$root/model" "$root/store" "$root/alerting" "$root/anomaly" "$root/hack/sample-data" "$root/crds" -newer "$jar" \
    \( -name '*.java' -o -name 'pom.xml' -o -name '*.xml' -o -name '*.kubetel.io-v1.yml' \) -not -path '*/target/*' -print -quit)" ]]; then
    log "building the API server (first run downloads dependencies; takes a minute or two)"
    mvn -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
      -pl apiserver/server,hack/sample-data -am package
  fi

  if ! running "$demo/sample-data.pid"; then
    log "loading sample telemetry into database '$database' and keeping a trickle flowing"
    nohup java -cp "$sample_jar:$sample_libs/*" io.kubetel.sample.SampleDataMain \
      --clickhouse-url "$KUBETEL_CLICKHOUSE_URL" --database "$database" \
      --history "${KUBETEL_DEMO_HISTORY:-1h}" --trickle-interval 5s --resume-file "$chdir/sample-data.last" \
      --error-bursts-every 15m \
      >"$demo/sample-data.log" 2>&1 &
    echo $! >"$demo/sample-data.pid"
    # Wait until the whole history is in (the first trickle batch follows it).
    for _ in $(seq 1 120); do
      grep -q 'event=batch_written phase=trickle' "$demo/sample-data.log" 2>/dev/null && break
      running "$demo/sample-data.pid" || { log "sample data loader failed:"; tail -20 "$demo/sample-data.log" >&2; exit 1; }
      sleep 0.5
    done
  fi

  start_receiver
  prepare_resources

  if ! running "$demo/apiserver.pid"; then
    log "starting the API server (standalone mode, HTTPS on 127.0.0.1)"
    rm -f "$demo/apiserver/kubeconfig"
    # A bounded heap: without one the JVM sizes it from the machine's RAM and RSS grows far past
    # the live set (issue 10). KUBETEL_DEMO_JAVA_OPTS replaces these options.
    # shellcheck disable=SC2086
    nohup java ${KUBETEL_DEMO_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError} \
      -jar "$jar" --standalone --state-dir "$demo/apiserver" \
      --bind-address 127.0.0.1 --secure-port 0 \
      --clickhouse-url "$KUBETEL_CLICKHOUSE_URL" --clickhouse-database "$database" \
      --custom-resources-dir "$demo/resources" --evaluate-alert-rules \
      --anomaly-scan \
      >"$demo/apiserver.log" 2>&1 &
    echo $! >"$demo/apiserver.pid"
  fi

  # /readyz does not depend on ClickHouse; its verbose store line says when reads will work.
  for _ in $(seq 1 120); do
    if [[ -f "$demo/apiserver/kubeconfig" ]] &&
      [[ "$(kubectl --kubeconfig "$demo/apiserver/kubeconfig" get --raw '/readyz?verbose' 2>/dev/null)" == *'[+]store ok'* ]]; then
      break
    fi
    running "$demo/apiserver.pid" || { log "API server exited:"; tail -30 "$demo/apiserver.log" >&2; exit 1; }
    sleep 0.5
  done
  kubectl --kubeconfig "$demo/apiserver/kubeconfig" get --raw /readyz >/dev/null ||
    { log "API server not ready after 60s; see $demo/apiserver.log"; exit 1; }
  cp "$demo/apiserver/kubeconfig" "$demo/kubeconfig"
  ui_line=$(start_ui)

  cat <<MSG

kubetel demo is up. ClickHouse: $KUBETEL_CLICKHOUSE_URL (database $database, $(engine_line "$engine")); logs in $demo/.
Point kubectl at it and try:

  export KUBECONFIG=$demo/kubeconfig
  kubectl api-resources --api-group=telemetry.kubetel.io
  kubectl get telemetry -n shop
  kubectl get metrics -n shop
  kubectl get metrics -A -l service=checkout -o wide
  kubectl get metrics -n shop --field-selector type=Histogram,window=1h
  kubectl get metrics -A --field-selector type=ExponentialHistogram -o wide
  kubectl get metrics -n payments --field-selector type=Summary -o wide
  kubectl get metric \$(kubectl get metrics -n shop -o name | head -1 | cut -d/ -f2) -n shop -o yaml
  kubectl get traces -A -l service=checkout
  kubectl get traces -n shop --field-selector status=Error
  kubectl get trace \$(kubectl get traces -n shop -o name | head -1 | cut -d/ -f2) -n shop -o yaml
  kubectl get logs -n shop --field-selector severity=ERROR
  kubectl get logs -n shop --chunk-size=20
  kubectl get logs -n shop -w
  kubectl get anomalies -A        # the sample data's incidents, found by the anomaly scan
  kubectl explain traces
  kubectl create -n shop -o yaml -f examples/queries/checkout-p99.yaml
  kubectl get dashboards,alertrules -A
  kubectl get alertrule checkout-error-rate -n shop -o yaml
  kubectl explain dashboards.spec
  kubectl get alertevents -A
  kubectl get alertevents -n shop -w
  kubectl get --raw /metrics | grep -E '^kubetel_apiserver_(result_cache_(hits|misses|coalesced)_total|inflight_requests|connections_open)'

Dashboards and AlertRules come from examples/ (read-only; edit the files and run
hack/demo.sh down && hack/demo.sh up to reload them). The AlertRules are evaluated here; their
Slack, PagerDuty and webhook receivers point at a local receiver. The sample data has a checkout
error burst now and every 15 minutes: checkout-error-rate fires within about two minutes.
Watch notifications arrive with:

  tail -f $demo/receiver.log

$ui_line

Stop it with: hack/demo.sh down
MSG
}

# Builds the web UI when its sources changed and serves it with `kubectl proxy` (the way it is
# served against any cluster: same origin as the API, the user's own credentials). Prints the line
# to show; the demo works without it when npm is missing.
start_ui() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "Web UI: skipped (npm is not installed; see ui/README.md)"
    return
  fi
  if [[ ! -f "$root/ui/dist/index.html" ]] ||
    [[ -n "$(find "$root/ui/src" "$root/ui/package-lock.json" "$root/ui/index.html" -newer "$root/ui/dist/index.html" -print -quit)" ]]; then
    log "building the web UI (first run installs its npm packages)"
    (cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error >"$demo/ui-build.log" 2>&1 &&
      npm run build >>"$demo/ui-build.log" 2>&1) ||
      { echo "Web UI: build failed, see $demo/ui-build.log"; return; }
  fi
  if ! running "$demo/ui-proxy.pid"; then
    nohup kubectl --kubeconfig "$demo/kubeconfig" proxy --address=127.0.0.1 --port=0 \
      --www="$root/ui/dist" --www-prefix=/ui/ >"$demo/ui-proxy.log" 2>&1 &
    echo $! >"$demo/ui-proxy.pid"
  fi
  local address=""
  for _ in $(seq 1 40); do
    address=$(sed -n 's/^Starting to serve on //p' "$demo/ui-proxy.log" 2>/dev/null | head -1)
    [[ -n "$address" ]] && break
    sleep 0.25
  done
  if [[ -z "$address" ]]; then
    echo "Web UI: kubectl proxy did not start, see $demo/ui-proxy.log"
    return
  fi
  # For scripts driving the demo (hack/ui-e2e.sh): where the UI and, same origin, the API are.
  echo "http://$address/" >"$demo/ui-url"
  echo "Web UI (dashboards, explore, alerts; reads only the Kubernetes API): http://$address/ui/
  the example dashboard: http://$address/ui/#/dashboards/shop/service-overview"
}

# Starts the local alert receiver (Slack, PagerDuty and webhook stand-in) once; its port is in
# $demo/receiver.port and every notification a line of $demo/receiver.log.
start_receiver() {
  if running "$demo/receiver.pid"; then
    return
  fi
  rm -f "$demo/receiver.port"
  nohup java -cp "$sample_jar:$sample_libs/*" io.kubetel.sample.DemoReceiverMain \
    --port-file "$demo/receiver.port" >"$demo/receiver.log" 2>&1 &
  echo $! >"$demo/receiver.pid"
  for _ in $(seq 1 60); do
    [[ -s "$demo/receiver.port" ]] && return
    sleep 0.5
  done
  log "the alert receiver did not start; see $demo/receiver.log"
  exit 1
}

# Copies examples/ to $demo/resources with the receivers pointed at the local receiver: the
# Secret's URLs and the PagerDuty Events API endpoint. examples/ itself stays untouched.
prepare_resources() {
  local port url
  port=$(cat "$demo/receiver.port")
  url="http://127.0.0.1:$port"
  rm -rf "$demo/resources"
  mkdir -p "$demo/resources"
  cp -R "$root/examples/." "$demo/resources/"
  cat >"$demo/resources/shop-alert-receivers-secret.yaml" <<YAML
# The demo's receivers Secret: every receiver points at the local demo receiver.
apiVersion: v1
kind: Secret
metadata:
  name: shop-alert-receivers
  namespace: shop
  labels:
    kubetel.io/alert-receivers: "true"
type: Opaque
stringData:
  slack-webhook-url: $url/slack
  pagerduty-routing-key: demo-routing-key
  webhook-url: $url/webhook
  webhook-signing-secret: demo-signing-secret
YAML
  local f
  for f in "$demo/resources"/*-alert.yaml; do
    awk -v u="$url/pagerduty" '{ print } /^ *pagerDuty:$/ { match($0, /^ */); printf "%s  url: %s\n", substr($0, 1, RLENGTH), u }' \
      "$f" >"$f.tmp" && mv "$f.tmp" "$f"
  done
}

down() {
  stop_pid "$demo/ui-proxy.pid" "UI proxy"
  rm -f "$demo/ui-url"
  stop_pid "$demo/apiserver.pid" "API server"
  stop_pid "$demo/sample-data.pid" "sample data trickle"
  stop_pid "$demo/receiver.pid" "alert receiver"
  "$root/hack/clickhouse.sh" stop "$(clickhouse_dir "$(engine_of_demo)")" || true
}

status() {
  for p in apiserver sample-data receiver ui-proxy; do
    if running "$demo/$p.pid"; then echo "$p: running (pid $(cat "$demo/$p.pid"))"; else echo "$p: stopped"; fi
  done
  local chdir
  chdir=$(clickhouse_dir "$(engine_of_demo)")
  echo "engine: $(engine_of_demo)"
  if [[ -f "$chdir/env" ]]; then cat "$chdir/env"; else echo "clickhouse: stopped"; fi
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up [--engine debian|modern] | down | status" >&2; exit 2 ;;
esac
