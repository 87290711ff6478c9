#!/usr/bin/env bash
# The action's first step: transcript-lint built in the action's own checkout ($GITHUB_ACTION_PATH)
# by `npm ci` (which builds it); a checkout that is already built (a runner's cache) is used as it is.
set -euo pipefail
cd "$GITHUB_ACTION_PATH"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 20 ]; then
  echo "::error title=transcript-lint::needs Node 20 or newer (this runner has $(node -v 2>/dev/null || echo 'no node')): add actions/setup-node before this action"
  exit 2
fi
if [ -f out/server/src/cli/main.js ] && [ -d node_modules ]; then
  echo "transcript-lint is already built in $GITHUB_ACTION_PATH"
  exit 0
fi
echo "::group::npm ci in $GITHUB_ACTION_PATH (builds transcript-lint)"
npm ci --no-audit --no-fund
echo "::endgroup::"
