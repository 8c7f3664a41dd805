#!/usr/bin/env bash
# How long the service report takes on a big database (figures for docs/PERFORMANCE.md):
# generates TICKETS demo tickets (default 110,000) with the release reference server, serves
# them, and times GET /v1/reports/service for a supervisor over 7, 30, 90 and 365 days
# (10 requests each, wall time at the client, p50 and max).
#   scripts/bench-service-report.sh [TICKETS]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_packages "${BUILD_PACKAGES[@]}" curl
ensure_rust
TICKETS="${1:-110000}"
say "Building the reference server (release)"
cargo build --release -p arbiter-server --bin arbiter-server
SERVER="$CARGO_TARGET_DIR/release/arbiter-server"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-service-bench-XXXXXX")"
at_exit 'rm -rf "$WORK"'
say "Generating $TICKETS tickets"
"$SERVER" generate --database "$WORK/server.db" --tickets "$TICKETS" >/dev/null
"$SERVER" serve --database "$WORK/server.db" --listen 127.0.0.1:0 --escalation-interval-secs 0 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
at_exit "kill $SERVER_PID 2>/dev/null || true"
for _ in $(seq 1 100); do
  URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 || true)"
  [ -n "$URL" ] && break
  sleep 0.2
done
[ -n "$URL" ] || die "the server did not start: $(cat "$WORK/server.log")"
today="$(date -u +%F)"
printf '%-8s %10s %10s %12s %10s\n' days p50_ms max_ms conversations ratings
for days in 7 30 90 365; do
  from="$(date -u -d "$today - $((days - 1)) days" +%F)"
  times=()
  for _ in $(seq 1 10); do
    times+=("$(curl -sf -o "$WORK/report.json" -w '%{time_total}' -H 'Authorization: Bearer demo-marcus' \
      "$URL/v1/reports/service?from=$from&to=$today")")
  done
  python3 - "$days" "$WORK/report.json" "${times[@]}" <<'PY'
import json, sys
days, report, *times = sys.argv[1:]
ms = sorted(float(t) * 1000 for t in times)
totals = json.load(open(report))["totals"]
print(f"{days:<8} {ms[len(ms) // 2 - 1]:10.1f} {ms[-1]:10.1f} {totals['handle']['count']:12} {totals['ratings']:10}")
PY
done
