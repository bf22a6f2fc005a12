#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine for Langkah: the browsers the tests
# drive (from the distribution, never downloaded by a test tool), a virtual
# display for the demo, then the exact npm dependencies from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || [ -n "${FIREFOX_PATH:-}" ] || need+=(firefox-esr)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)

if [ ${#need[@]} -gt 0 ]; then
  echo "Memasang / installing: ${need[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
