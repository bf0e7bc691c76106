#!/usr/bin/env bash
# Runs a browser script of the web UI (default: the end-to-end suite ui/e2e/run.mjs) in headless
# Chromium against a scratch demo of its own, then stops the demo.
#
#   hack/ui-e2e.sh                       the end-to-end suite (hack/test.sh runs this)
#   hack/ui-e2e.sh e2e/bench.mjs ARGS    another script of ui/, e.g. the benchmark (hack/bench.sh ui)
#
# Installs what it needs when missing: Chromium (hack/chromium.sh, Debian's package) and the UI's
# npm packages, playwright-core among them (npm ci from ui/package-lock.json). The demo is
# hack/demo.sh with its state in a temporary directory (KUBETEL_DEMO_DIR): its own ClickHouse on free
# loopback ports with sample data and a trickle of new data, the API server in standalone mode
# serving examples/, and `kubectl proxy` serving ui/dist on a free port; so it runs next to a
# ClickHouse of hack/test.sh and next to your own .demo. Screenshots stay in ui/e2e/out/.
#
# KUBETEL_DEMO_HISTORY (default 30m) is the sample data loaded first: the checks need the last 30
# minutes, and loading an hour takes twice as long (the benchmark asks for the hour its dashboard
# shows).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
script=${1:-e2e/run.mjs}
shift || true

log() { echo "ui-e2e.sh: $*" >&2; }

for tool in node npm java mvn kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || { log "missing required tool: $tool"; exit 1; }
done
chromium=$("$root/hack/chromium.sh")
if [[ ! -d "$root/ui/node_modules/playwright-core" ]] ||
  [[ "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]]; then
  log "installing the UI's npm packages (npm ci)"
  (cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi

export KUBETEL_DEMO_HISTORY=${KUBETEL_DEMO_HISTORY:-30m}
demo=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-ui-e2e.XXXXXX")
cleanup() {
  KUBETEL_DEMO_DIR="$demo" "$root/hack/demo.sh" down >/dev/null 2>&1 || true
  rm -rf "$demo"
}
trap cleanup EXIT

started=$(date +%s)
log "starting a scratch demo in $demo (ClickHouse, $KUBETEL_DEMO_HISTORY of sample data, API server, kubectl proxy)"
if ! KUBETEL_DEMO_DIR="$demo" "$root/hack/demo.sh" up >"$demo/up.log" 2>&1 || [[ ! -f "$demo/ui-url" ]]; then
  log "the demo did not come up:"
  tail -30 "$demo/up.log" >&2
  for f in "$demo"/*.log; do [[ "$f" == "$demo/up.log" ]] || { echo "--- $f" >&2; tail -15 "$f" >&2; }; done
  exit 1
fi
log "demo up in $(($(date +%s) - started)) s at $(cat "$demo/ui-url")"
cd "$root/ui"
KUBETEL_UI_URL=$(cat "$demo/ui-url") CHROMIUM="$chromium" node "$script" "$@"
log "done in $(($(date +%s) - started)) s, demo start included (stopping it takes a few more)"
