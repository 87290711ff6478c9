#!/usr/bin/env bash
# `npm run demo` (after `npm run package`): installs the tooling if needed, then serves
# a real VS Code with the packaged extension and samples/episode.md open.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Say what happens before it happens: the first run installs for minutes with little output of its own.
if [ -f "$E2E/node_modules/code-server/out/node/entry.js" ] && [ -x "$E2E/.node24/node_modules/node/bin/node" ]; then
  echo "[demo] checking the demo's tooling in test/e2e (Node 24, code-server): installed, a few seconds"
else
  echo "[demo] first run: installing the demo's tooling into test/e2e: Node 24 (code-server does not run on Node 20)"
  echo "[demo] and code-server, whose native modules are compiled: about 8 minutes, once;"
  echo "[demo] npm's warning that node@24's install script is not covered by allowScripts is expected (it runs)"
fi
bash "$E2E/setup.sh" --server-only
exec "$E2E/.node24/node_modules/node/bin/node" "$E2E/demo.mjs" "$@"
