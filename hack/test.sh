#!/usr/bin/env bash
# The README's test command: runs every test kubetel has against real infrastructure.
#
#   hack/test.sh [extra maven args]
#
# Installs what the tests need when it is missing (Debian's clickhouse-server), starts ONE scratch
# ClickHouse on free loopback ports for the whole run, runs `mvn -B verify` (unit tests, the
# architecture rules of hack/architecture, ITs against ClickHouse, the fabric8 mock server and the
# real kubectl), checks the shared modules' dependency trees (hack/check-deps.sh) and the committed
# CRDs against the generated ones, prints the coverage summary, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { echo "test.sh: $*" >&2; }

for tool in java mvn kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || { log "missing required tool: $tool"; exit 1; }
done

# Cheap source rules first (file overviews, 500-line limit): fail before a long build.
"$root/hack/check-sources.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-test.XXXXXX")
cleanup() {
  "$root/hack/clickhouse.sh" stop "$work/clickhouse" || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/hack/clickhouse.sh" start "$work/clickhouse"
# shellcheck disable=SC1091
source "$work/clickhouse/env"
log "ClickHouse for this run: $KUBETEL_CLICKHOUSE_URL"

mvn -B verify -Dkubetel.clickhouse.url="$KUBETEL_CLICKHOUSE_URL" "$@"

# What the shared modules' poms pull in (the ArchUnit rules in hack/architecture ran in verify).
"$root/hack/check-deps.sh"

if [[ -x "$root/hack/check-crds.sh" ]]; then
  "$root/hack/check-crds.sh"
fi

"$root/hack/coverage.sh"
