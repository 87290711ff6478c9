#!/usr/bin/env bash
# Runs the end-to-end tests (after setup.sh and `npm run package` at the root).
# Usage: test/e2e/run.sh [test files...]   (default: every tests/*.test.mjs)
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE="$E2E/.node24/node_modules/node/bin/node"
if [ ! -x "$NODE" ] || [ ! -f "$E2E/node_modules/code-server/out/node/entry.js" ]; then
  echo "e2e tooling missing: run bash test/e2e/setup.sh first" >&2; exit 1
fi
VSIX="${E2E_VSIX:-$E2E/../../podcast-transcripts.vsix}"
if [ ! -f "$VSIX" ]; then
  echo "$VSIX missing: run npm run package at the repository root first" >&2; exit 1
fi
mkdir -p "$E2E/out"
rm -f "$E2E"/out/*.png "$E2E"/out/*.log
cd "$E2E"
if [ $# -eq 0 ]; then
  # The grammar tests read VS Code's own Markdown and YAML grammars and default themes from the
  # code-server just installed; npm test runs before that install on a fresh clone, so they run here.
  echo "grammar and theme tests against the installed VS Code's grammars:"
  (cd "$E2E/../.." && TRANSCRIPTS_REQUIRE_VSCODE_GRAMMARS=1 node --test --test-reporter=spec out/test/unit/grammar.test.js)
  set -- tests/*.test.mjs
fi
exec "$NODE" --test --test-concurrency="${E2E_CONCURRENCY:-1}" --test-timeout=240000 --test-reporter=spec "$@"
