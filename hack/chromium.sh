#!/usr/bin/env bash
# Prints the path of the Chromium the web UI's browser suite and benchmark drive (playwright-core
# cannot download its own browsers here), installing Debian's chromium package when none is there.
#
#   hack/chromium.sh        # e.g. /usr/bin/chromium; $CHROMIUM wins when it names an executable
#
# Like hack/clickhouse.sh: installs through apt-get as root (or with passwordless sudo) and says what
# to do otherwise. fonts-liberation gives the screenshots readable text.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }

found() {
  if [[ -n "${CHROMIUM:-}" && -x "$CHROMIUM" ]]; then
    echo "$CHROMIUM"
    return
  fi
  command -v chromium 2>/dev/null || command -v chromium-browser 2>/dev/null || true
}

path=$(found)
if [[ -z "$path" ]]; then
  log "chromium not found; installing Debian's chromium"
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  else
    log "need root to install chromium (or install it yourself: apt-get install chromium fonts-liberation)"
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq chromium fonts-liberation >/dev/null
  path=$(found)
  [[ -n "$path" ]] || { log "chromium is still missing after apt-get install"; exit 1; }
fi
echo "$path"
