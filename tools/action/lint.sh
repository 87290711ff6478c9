#!/usr/bin/env bash
# The action's second step: transcript-lint with GitHub annotations on the paths it is given; its
# exit code is the step's. Globs are not expanded here (set -f): transcript-lint expands them, ** too.
set -euo pipefail
set -f
# shellcheck disable=SC2086 # the inputs are white-space separated lists
exec node "$GITHUB_ACTION_PATH/bin/transcript-lint.js" --format github $TRANSCRIPT_ARGS $TRANSCRIPT_PATHS
