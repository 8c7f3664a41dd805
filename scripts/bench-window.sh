#!/usr/bin/env bash
# In-window speed with a big local copy (figures for docs/PERFORMANCE.md): opening a ticket,
# switching views, searching, timed inside the real app window. Needs what arbiter-bench
# leaves in ~/.cache/arbiter-bench (run it first; see README, "Developing").
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${BUILD_PACKAGES[@]}" "${DESKTOP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_packages
ensure_tauri_driver
build_app
in_desktop_session node tests/perf/window-speed.mjs
