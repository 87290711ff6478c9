#!/usr/bin/env bash
# Installs what `npm run bench` needs beyond the project's own dependencies, idempotently:
# Node 24 (yaml-language-server needs Node >= 22) into test/e2e/.node24, the same place and the same
# way as test/e2e/setup.sh (which this does not run: the browser and code-server are not needed), and
# bench/node_modules (yaml-language-server, pinned by bench/package-lock.json) installed under Node 24.
# A fast no-op when both are there (checked through a stamp of the lock file and the Node version).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
E2E="$BENCH/../test/e2e"
# Node 24, installed the one way the project installs it.
bash "$E2E/node24.sh"
NODE24_VERSION="$(sed -n 's/^NODE24_VERSION=\([0-9.]*\)$/\1/p' "$E2E/node24.sh")"
N24="$E2E/.node24/node_modules/node"
log() { printf '[bench setup] %s\n' "$*" >&2; }

stamp="$BENCH/node_modules/.bench-setup-stamp"
want="$(sha256sum < "$BENCH/package-lock.json" | cut -d' ' -f1) node-$NODE24_VERSION"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] || [ ! -f "$BENCH/node_modules/yaml-language-server/package.json" ]; then
  log "npm ci in bench/ (yaml-language-server) under Node $NODE24_VERSION"
  (cd "$BENCH" && PATH="$N24/bin:$PATH" npm ci --no-audit --no-fund >/dev/null)
  echo "$want" > "$stamp"
fi
