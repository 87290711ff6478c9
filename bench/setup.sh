#!/usr/bin/env bash
# Installs what `npm run bench` needs beyond the project's own dependencies, idempotently:
# Node 24 (yaml-language-server needs Node >= 22) into test/e2e/.node24, the same place and the same
# way as test/e2e/setup.sh (which this does not run: the browser and code-server are not needed), and
# bench/node_modules (yaml-language-server, pinned by bench/package-lock.json) installed under Node 24.
# A fast no-op when both are there (checked through a stamp of the lock file and the Node version).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
E2E="$BENCH/../test/e2e"
# One Node 24 version for the project: read it from the e2e setup script.
NODE24_VERSION="$(sed -n 's/^NODE24_VERSION=\([0-9.]*\)$/\1/p' "$E2E/setup.sh")"
[ -n "$NODE24_VERSION" ] || { echo "[bench setup] cannot read NODE24_VERSION from test/e2e/setup.sh" >&2; exit 2; }
N24="$E2E/.node24/node_modules/node"
log() { printf '[bench setup] %s\n' "$*" >&2; }

if [ "$("$N24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  log "installing node@$NODE24_VERSION into test/e2e/.node24"
  rm -rf "$E2E/.node24"
  mkdir -p "$E2E/.node24"
  echo '{"private":true}' > "$E2E/.node24/package.json"
  (cd "$E2E/.node24" && npm install --no-save --no-package-lock --no-audit --no-fund "node@$NODE24_VERSION" >/dev/null)
  "$N24/bin/node" --version >/dev/null
fi

stamp="$BENCH/node_modules/.bench-setup-stamp"
want="$(sha256sum < "$BENCH/package-lock.json" | cut -d' ' -f1) node-$NODE24_VERSION"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] || [ ! -f "$BENCH/node_modules/yaml-language-server/package.json" ]; then
  log "npm ci in bench/ (yaml-language-server) under Node $NODE24_VERSION"
  (cd "$BENCH" && PATH="$N24/bin:$PATH" npm ci --no-audit --no-fund >/dev/null)
  echo "$want" > "$stamp"
fi
