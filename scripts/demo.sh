#!/usr/bin/env bash
# Sets up what is missing on a Debian/Ubuntu machine, builds Arbiter, starts the reference
# company API with seeded demo data, and opens the desk signed in as the demo agent.
#   ARBITER_DEMO_PORT   port of the reference server (default 8080)
#   ARBITER_DEMO_AGENT  demo token to sign in with (default demo-ava; see README)
#   ARBITER_DEMO_RESET=1  throw away the demo data and the desk's demo profile first
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_packages "${BUILD_PACKAGES[@]}" "${DESKTOP_PACKAGES[@]}"
ensure_mail_packages
ensure_rust
ensure_node
ensure_npm_packages
build_app

DEMO_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/arbiter-demo"
PORT="${ARBITER_DEMO_PORT:-8080}"
[ "${ARBITER_DEMO_RESET:-0}" = 1 ] && rm -rf "$DEMO_DIR"
mkdir -p "$DEMO_DIR"

# A private mail stack (Postfix, Dovecot) on loopback, so the demo desk gets real email:
# mail to disputes@exchange.example lands in the disputes queue, support@ in general.
"$ROOT/scripts/mailstack.sh" stop "$DEMO_DIR/mail" 2>/dev/null || true
as_root rm -rf "$DEMO_DIR/mail"
"$ROOT/scripts/mailstack.sh" start "$DEMO_DIR/mail"
at_exit '"$ROOT/scripts/mailstack.sh" stop "$DEMO_DIR/mail"'
# shellcheck disable=SC1091
source "$DEMO_DIR/mail/env"
printf '%s\n' "$ARBITER_TEST_SUPPORT_PASSWORD" > "$DEMO_DIR/mail/imap-password"
chmod 600 "$DEMO_DIR/mail/imap-password"
mailbox() {
  printf '{"address":"%s","queue":"%s","imap":{"host":"127.0.0.1","port":%s,"security":"plain","username":"%s","password_file":"%s"},"smtp":{"host":"127.0.0.1","port":%s,"security":"plain"},"processed_folder":"Processed"}' \
    "$1" "$2" "$ARBITER_TEST_IMAP_PORT" "$1" "$DEMO_DIR/mail/imap-password" "$ARBITER_TEST_SMTP_PORT"
}
printf '{"mailboxes":[%s,%s]}\n' "$(mailbox disputes@exchange.example disputes)" "$(mailbox support@exchange.example general)" \
  > "$DEMO_DIR/mail/mailboxes.json"
printf 'SMTP=127.0.0.1:%s\n' "$ARBITER_TEST_SMTP_PORT" > "$DEMO_DIR/mail.env"

say "Starting the reference company API on http://127.0.0.1:$PORT (data in $DEMO_DIR)"
"$CARGO_TARGET_DIR/debug/arbiter-server" serve --demo --database "$DEMO_DIR/server.db" \
  --listen "127.0.0.1:$PORT" --mail-config "$DEMO_DIR/mail/mailboxes.json" >"$DEMO_DIR/server.log" 2>&1 &
SERVER_PID=$!
at_exit 'kill $SERVER_PID 2>/dev/null || true'
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 $SERVER_PID 2>/dev/null || die "the reference server did not start; see $DEMO_DIR/server.log"
  sleep 0.2
done

say "Email the demo desk: curl -sS smtp://127.0.0.1:$ARBITER_TEST_SMTP_PORT --mail-from you@example.com --mail-rcpt disputes@exchange.example --upload-file mail.eml"
say "Opening Arbiter as the demo agent"
# The demo desk keeps its own settings and cache, apart from a real profile.
export XDG_CONFIG_HOME="$DEMO_DIR/desk/config" XDG_DATA_HOME="$DEMO_DIR/desk/data"
export ARBITER_SIGN_IN_URL="http://127.0.0.1:$PORT" ARBITER_SIGN_IN_TOKEN="${ARBITER_DEMO_AGENT:-demo-ava}"
APP="$CARGO_TARGET_DIR/debug/arbiter"
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  # A desktop session: its own keyring (GNOME Keyring, KWallet) keeps the token.
  "$APP"
else
  # No desktop session (SSH, a container): a private D-Bus, keyring and, if needed, X server.
  say "No desktop session found; running in a private session (screenshot: $DEMO_DIR/screenshot.png)"
  # The private session isolates the keyring; the desk still keeps its demo profile.
  in_desktop_session env XDG_CONFIG_HOME="$XDG_CONFIG_HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
    bash -c '"$1" & app=$!; sleep 10; import -window root "$2" 2>/dev/null || true; wait $app' \
    bash "$APP" "$DEMO_DIR/screenshot.png"
fi
