#!/usr/bin/env bash
# Sourced by hack/clickhouse.sh (and hack/chdb/test.sh): installs the chDB engine from
# hack/chdb/package-lock.json into a cache outside the repo, and starts hack/chdb/server.js.
#
# Why a cache keyed by the lockfile's hash: the engine is ~180 MB to download and ~550 MB
# unpacked; every later run (and every worktree on the machine) reuses the same install, and a
# changed lockfile gets a fresh directory instead of a half-updated one.

chdb_dir="$root/hack/chdb"

chdb_log() { echo "chdb: $*" >&2; }

# Prints the node_modules directory holding chdb, installing it first when missing.
chdb_modules() {
  for tool in node npm curl; do
    command -v "$tool" >/dev/null 2>&1 || { chdb_log "event=missing_tool tool=$tool"; return 1; }
  done
  local hash cache_root target tmp started
  hash=$(sha256sum "$chdb_dir/package-lock.json" | cut -c1-16)
  cache_root="${KUBETEL_CHDB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubetel}"
  target="$cache_root/chdb-$hash"
  if [[ -f "$target/.complete" ]]; then
    echo "$target/node_modules"
    return
  fi
  mkdir -p "$cache_root"
  tmp=$(mktemp -d "$cache_root/.chdb-$hash.XXXXXX")
  chmod 755 "$tmp" # mktemp's 700 would follow the directory into place
  cp "$chdb_dir/package.json" "$chdb_dir/package-lock.json" "$tmp/"
  chdb_log "event=install_start target=$target"
  started=$(date +%s)
  # --ignore-scripts: chdb's only install script is a no-op, and the engine is a prebuilt library.
  if ! (cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >"$tmp/npm.log" 2>&1); then
    chdb_log "event=install_failed log=$tmp/npm.log"
    tail -n 20 "$tmp/npm.log" >&2 || true
    # Keep only the log: a half-unpacked engine is hundreds of MB.
    rm -rf "$tmp/node_modules"
    return 1
  fi
  if ! (cd "$tmp" && node -e "require('chdb')" 2>"$tmp/load.log"); then
    chdb_log "event=install_unusable detail=$(head -c 300 "$tmp/load.log" | tr '\n' ' ')"
    rm -rf "$tmp/node_modules"
    return 1
  fi
  touch "$tmp/.complete"
  # Rename is atomic: a concurrent install of the same lockfile wins or loses as a whole.
  if ! mv -T "$tmp" "$target" 2>/dev/null; then
    rm -rf "$tmp"
  fi
  chdb_log "event=install_done target=$target seconds=$(($(date +%s) - started)) size=$(du -sh "$target" | cut -f1)"
  echo "$target/node_modules"
}

# Starts server.js with its data in $dir/data; writes $dir/env like the Debian engine does.
start_modern() {
  local modules pid port url
  modules=$(chdb_modules)
  mkdir -p "$dir/data"
  rm -f "$dir/port"
  NODE_PATH="$modules" nohup node "$chdb_dir/server.js" --data "$dir/data" --port 0 \
    --port-file "$dir/port" >"$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    if [[ -s "$dir/port" ]]; then
      port=$(cat "$dir/port")
      url="http://127.0.0.1:$port"
      if curl -sf "$url/ping" >/dev/null 2>&1; then
        printf 'KUBETEL_CLICKHOUSE_URL=%s\nKUBETEL_CLICKHOUSE_ENGINE=modern\nCLICKHOUSE_PID=%s\n' \
          "$url" "$pid" >"$dir/env"
        chdb_log "event=started engine=modern pid=$pid url=$url data=$dir/data log=$dir/server.log"
        return
      fi
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      chdb_log "event=exited engine=modern; last lines of $dir/server.log:"
      tail -n 20 "$dir/server.log" >&2 || true
      exit 1
    fi
    sleep 0.25
  done
  chdb_log "event=start_timeout engine=modern seconds=60"
  kill "$pid" 2>/dev/null || true
  exit 1
}
