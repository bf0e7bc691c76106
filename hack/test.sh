#!/usr/bin/env bash
# The README's test command: runs every test kubetel has against real infrastructure.
#
#   hack/test.sh [extra maven args]
#
# Builds and unit-tests the web UI (ui/, npm packages from its lockfile). Installs what the tests
# need when it is missing (Debian's clickhouse-server and chromium; the chDB engine from hack/chdb's
# lockfile), starts BOTH scratch ClickHouse engines on free loopback ports once for the whole run:
# Debian's 18.16 (the COMPAT layout) and ClickHouse 26.7 as the chDB engine (the MODERN layout).
# Then runs every IT once per layout:
#   COMPAT          `mvn -B verify` against 18.16 (unit tests, the architecture rules of
#                   hack/architecture, ITs against ClickHouse, the fabric8 mock server and the real
#                   kubectl, coverage);
#   MODERN-current  the ClickHouse ITs of every module that has them against 26.7, on kubetel's own
#                   DDL, which is the current OTel exporter generation's tables;
#   MODERN-older    the same ITs against 26.7 on the older exporter generation's tables
#                   (-Dkubetel.clickhouse.tables=exporter-older, see LocalClickHouse).
# The MODERN passes run no unit tests and no coverage, and keep their reports apart. Prints per
# layout how many IT classes and tests ran and fails when fewer than expected did
# (hack/it-counts.sh); checks the shared modules' dependency trees (hack/check-deps.sh) and the
# committed CRDs against the generated ones and the chart and OLM bundle against their sources
# (hack/packaging.sh verify), runs the web UI's end-to-end suite in headless
# Chromium against a scratch demo of its own (hack/ui-e2e.sh: its own ClickHouse with sample data,
# the API server built above, kubectl proxy), prints the coverage summary and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { echo "test.sh: $*" >&2; }

for tool in java mvn kubectl curl; do
  command -v "$tool" >/dev/null 2>&1 || { log "missing required tool: $tool"; exit 1; }
done

# Cheap source rules first (file overviews, 500-line limit): fail before a long build.
"$root/hack/check-sources.sh"

# The web UI (ui/): typecheck, production build with its bundle-size budget, Vitest unit tests.
# Its browser end-to-end suite runs at the end, once the API server jar is built.
command -v npm >/dev/null 2>&1 || { log "missing required tool: npm (Node.js)"; exit 1; }
log "web UI: npm ci, build, unit tests"
(cd "$root/ui" && npm ci --no-audit --no-fund --loglevel=error && npm run build && npm test)

work=$(mktemp -d "${TMPDIR:-/tmp}/kubetel-test.XXXXXX")
cleanup() {
  "$root/hack/clickhouse.sh" stop "$work/debian" || true
  "$root/hack/clickhouse.sh" stop "$work/modern" || true
  rm -rf "$work"
}
trap cleanup EXIT

# The least each layout must run; raise them when ITs are added (hack/it-counts.sh prints the
# actual numbers). COMPAT runs the whole suite; MODERN the ClickHouse ITs of the modules below, once
# per table generation.
min_compat_classes=52 min_compat_tests=225
min_modern_classes=51 min_modern_tests=228
modern_modules=store,hack/sample-data,apiserver/server,operator

# Starts an engine and prints its URL. Its output goes to stderr: the server it leaves running
# must not hold this command substitution's stdout open.
engine_url() {
  "$root/hack/clickhouse.sh" start --engine "$1" "$work/$1" >&2
  # shellcheck disable=SC1090
  (source "$work/$1/env" && echo "$KUBETEL_CLICKHOUSE_URL")
}
debian_url=$(engine_url debian)
modern_url=$(engine_url modern)
log "ClickHouse 18.16 (COMPAT): $debian_url; ClickHouse 26.7 on chDB (MODERN): $modern_url"

# Reports of an earlier run would be counted again (and may name classes that no longer exist).
rm -rf ./*/target/failsafe-reports* ./*/*/target/failsafe-reports*

mvn -B verify -Dkubetel.clickhouse.url="$debian_url" -Dkubetel.clickhouse.engine=debian "$@"
"$root/hack/it-counts.sh" COMPAT failsafe-reports "$min_compat_classes" "$min_compat_tests"

# The same ITs on the modern engine, once per table generation. Unit tests, formatting and
# coverage ran above and do not depend on the engine; failures are reported by it-counts.sh after
# every module ran.
modern_pass() { # LABEL REPORTS TABLES
  mvn -B verify -pl "$modern_modules" -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Djacoco.skip=true -Dspotless.check.skip=true -Dmaven.test.failure.ignore=true \
    -Dkubetel.it.reports="$2" -Dkubetel.clickhouse.tables="$3" \
    -Dkubetel.clickhouse.url="$modern_url" -Dkubetel.clickhouse.engine=modern "${@:4}"
  "$root/hack/it-counts.sh" "$1" "$2" "$min_modern_classes" "$min_modern_tests"
}
modern_pass MODERN-current failsafe-reports-modern "" "$@"
modern_pass MODERN-older failsafe-reports-older exporter-older "$@"

# What the shared modules' poms pull in (the ArchUnit rules in hack/architecture ran in verify).
"$root/hack/check-deps.sh"

if [[ -x "$root/hack/check-crds.sh" ]]; then
  "$root/hack/check-crds.sh"
fi
# The Helm chart's CRDs and Chart.yaml and the OLM bundle against crds/, the chart and the version.
"$root/hack/packaging.sh" verify

# The web UI end to end in headless Chromium, against the API server jar `mvn verify` just built
# (hack/demo.sh would rebuild it if it were stale) and the UI build from the start of this run.
"$root/hack/ui-e2e.sh"

"$root/hack/coverage.sh"
