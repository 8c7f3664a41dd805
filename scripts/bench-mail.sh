#!/usr/bin/env bash
# The mail room's figures (docs/PERFORMANCE.md): intake throughput, a burst through Postfix,
# Dovecot and IMAP, the latency from Postfix to the change feed with IDLE, and memory with a
# 30 MB message. Release build, against a private mail stack started and stopped here.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${BUILD_PACKAGES[@]}"
ensure_rust
start_mail_stack
cargo build --release -p arbiter-bench --bin arbiter-mail-bench
"$CARGO_TARGET_DIR/release/arbiter-mail-bench"
