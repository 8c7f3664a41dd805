#!/usr/bin/env bash
# In-window speed with a big local copy (figures for docs/PERFORMANCE.md), timed inside the
# real app window. Needs what arbiter-bench leaves in ~/.cache/arbiter-bench (run it first;
# see README, "Developing").
#   scripts/bench-window.sh                 opening a ticket, switching views, searching, scrolling
#   scripts/bench-window.sh long-threads    tickets of 1,000 and 5,000 messages: open, scroll, memory
#   scripts/bench-window.sh attachments     opening 5 MB and 25 MB photos and a PDF (own mail stack)
#   scripts/bench-window.sh window-memory   the window's memory on the demo data and on the bench cache
#   scripts/bench-window.sh live-chat       a customer in Chromium and the agent in the window: latency both ways
#   scripts/bench-window.sh probe-window    per action: the IPC calls, the page's busy stretches, DOM and frame
#   scripts/bench-window.sh profile-ui      the window's IPC recorded, then the UI replayed and profiled in Chromium
#   scripts/bench-window.sh cold-start      launch → inbox drawn from the local copy (ARBITER_APP=/usr/bin/arbiter: the installed package)
#   ARBITER_RELEASE=1 scripts/bench-window.sh …   the same with a release build
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${BUILD_PACKAGES[@]}" "${DESKTOP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_packages
ensure_tauri_driver
BENCH="${1:-window-speed}"
[ -f "tests/perf/$BENCH.mjs" ] || die "no benchmark tests/perf/$BENCH.mjs"
if [ -n "${ARBITER_RELEASE:-}" ]; then
  say "Building the reference server and the desktop app (release)"
  # The same packages as README's arbiter-bench command: built alone, the server unifies
  # its dependencies' features differently and is rebuilt (≈ 10 min) after every arbiter-bench.
  cargo build --release -p arbiter-server -p arbiter-bench
  npx tauri build --no-bundle
  export ARBITER_APP="$CARGO_TARGET_DIR/release/arbiter" ARBITER_SERVER="$CARGO_TARGET_DIR/release/arbiter-server"
else
  build_app
fi
[ "$BENCH" = attachments ] && start_mail_stack
in_desktop_session node "tests/perf/$BENCH.mjs"
