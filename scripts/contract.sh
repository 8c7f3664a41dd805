#!/usr/bin/env bash
# Checks the reference server against its own OpenAPI document with Schemathesis (PyPI):
# every check, as an agent, as a supervisor, and as the channel gateway on its routes. The
# server runs on loopback with seeded demo data in a private folder and is stopped after.
#   ARBITER_CONTRACT_EXAMPLES  examples per operation (default: schemathesis.toml's)
# Needs a built arbiter-server ($CARGO_TARGET_DIR/debug); scripts/test.sh builds it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

SCHEMATHESIS_VERSION=4.32.5
VENV="${XDG_CACHE_HOME:-$HOME/.cache}/arbiter-schemathesis-$SCHEMATHESIS_VERSION"
if [ ! -x "$VENV/bin/schemathesis" ]; then
  ensure_packages python3 python3-venv
  say "Installing Schemathesis $SCHEMATHESIS_VERSION"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-contract-XXXXXX")"
GATEWAY_TOKEN="contract-gateway-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
SERVER="${CARGO_TARGET_DIR:-$ROOT/target}/debug/arbiter-server"
[ -x "$SERVER" ] || die "build the server first: cargo build -p arbiter-server"
# One hosted desk release, so the updates routes answer with content too.
mkdir -p "$WORK/updates/stable/1.0.0"
printf '{"notes": "Contract run", "platforms": {"linux-x86_64-deb": "arbiter.deb"}}' >"$WORK/updates/stable/1.0.0/release.json"
printf 'not really a package' >"$WORK/updates/stable/1.0.0/arbiter.deb"
printf 'not really a signature' >"$WORK/updates/stable/1.0.0/arbiter.deb.sig"
# The simulator and the escalator stay off: the run's own requests are the only traffic.
ARBITER_GATEWAY_TOKEN="$GATEWAY_TOKEN" "$SERVER" serve --demo --tickets 400 --database "$WORK/server.db" \
  --listen 127.0.0.1:0 --rate-limit 1000000 --rate-burst 1000000 --escalation-interval-secs 0 \
  --widget-rate-limit 1000000 --widget-rate-burst 1000000 --updates-dir "$WORK/updates" \
  >"$WORK/server.out" 2>"$WORK/server.log" &
SERVER_PID=$!
cleanup() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
BASE=""
for _ in $(seq 1 150); do
  BASE="$(sed -n 's/^arbiter-server listening on //p' "$WORK/server.out")"
  [ -n "$BASE" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; die "the reference server did not start"; }
  sleep 0.2
done
[ -n "$BASE" ] || die "the reference server did not say where it listens"

run() {
  local who="$1"
  export ARBITER_CONTRACT_TOKEN="$2"
  shift 2
  say "Contract: Schemathesis as $who"
  local extra=()
  [ -n "${ARBITER_CONTRACT_EXAMPLES:-}" ] && extra+=(--max-examples "$ARBITER_CONTRACT_EXAMPLES")
  "$VENV/bin/schemathesis" --config-file tests/contract/schemathesis.toml run "$BASE/openapi.json" \
    --checks all --no-color --seed 42 "${extra[@]}" "$@" ||
    { tail -50 "$WORK/server.log" >&2; die "the server and its OpenAPI document disagree (as $who); see above"; }
}

run "an agent (demo-ava)" demo-ava --exclude-tag gateway --exclude-tag widget
run "a supervisor (demo-marcus)" demo-marcus --exclude-tag gateway --exclude-tag widget
run "the channel gateway" "$GATEWAY_TOKEN" --include-tag gateway
# The chat widget speaks with a chat's own token: start one as a customer would.
CHAT_TOKEN="$(curl -fsS -X POST "$BASE/widget/v1/chats" -H 'Content-Type: application/json' \
  -d '{"name":"Contract Customer","email":"contract@mail.example","language":"en","topic":"other"}' |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')"
run "a customer in the chat widget" "$CHAT_TOKEN" --include-tag widget
say "The server answers as its OpenAPI document says"
