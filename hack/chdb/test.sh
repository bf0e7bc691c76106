#!/usr/bin/env bash
# Runs the checks of the test-only chDB HTTP server (hack/chdb/sql.test.js, server.test.js) with Node's test
# runner, installing the engine from the lockfile into the cache first when it is missing.
#
#   hack/chdb/test.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=hack/chdb/engine.sh
source "$root/hack/chdb/engine.sh"
modules=$(chdb_modules)
NODE_PATH="$modules" exec node --test "$root/hack/chdb/sql.test.js" "$root/hack/chdb/server.test.js"
