#!/usr/bin/env bash
# `npm run demo` (after `npm run package`): installs the tooling if needed, then serves
# a real VS Code with the packaged extension and samples/episode.md open.
set -euo pipefail
E2E="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$E2E/setup.sh" --server-only
exec "$E2E/.node24/node_modules/node/bin/node" "$E2E/demo.mjs" "$@"
