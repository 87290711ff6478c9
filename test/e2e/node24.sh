#!/usr/bin/env bash
# Node 24 from the npm registry into test/e2e/.node24 (code-server 4.139 and yaml-language-server
# need it; the machine has Node 20). The one place that installs it: test/e2e/setup.sh and
# bench/setup.sh both run this. A no-op when that version is already there.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE24_VERSION=24.21.0
N24="$E2E/.node24/node_modules/node"
if [ "$("$N24/bin/node" --version 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  printf '[node24] installing node@%s into %s/.node24\n' "$NODE24_VERSION" "$E2E" >&2
  rm -rf "$E2E/.node24"
  mkdir -p "$E2E/.node24"
  echo '{"private":true}' > "$E2E/.node24/package.json"
  (cd "$E2E/.node24" && npm install --no-save --no-package-lock --no-audit --no-fund "node@$NODE24_VERSION" >/dev/null)
  "$N24/bin/node" --version >/dev/null
fi
