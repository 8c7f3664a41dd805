# Shared helpers for scripts/demo.sh and scripts/test.sh. Sourced, not run.
# Everything here installs only what is missing, so a second run is quick.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/arbiter-target}"

BUILD_PACKAGES=(libwebkit2gtk-4.1-dev build-essential curl wget file pkg-config libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev)
DESKTOP_PACKAGES=(dbus-x11 gnome-keyring libsecret-tools xvfb imagemagick fonts-noto-cjk xdg-utils)
# sudo: the updater installs a .deb as the Tauri updater does (pkexec, else sudo dpkg -i).
# The AppImage (scripts/appimage.sh): its runtime is compiled against these, its image made
# with mksquashfs; fuse3's fusermount3 lets a user who is not root mount it.
APPIMAGE_PACKAGES=(squashfs-tools libsquashfuse-dev libfuse3-dev fuse3 zlib1g-dev libzstd-dev liblzma-dev
  liblz4-dev liblzo2-dev)
TEST_PACKAGES=(webkit2gtk-driver chromium dunst poppler-utils qpdf nginx-light rpm desktop-file-utils sudo)

say() { printf '\033[1;34m==> %s\033[0m\n' "$*"; }
die() { printf '\033[1;31merror: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# apt-installs the packages that are not installed yet.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      say "Installing the Rust toolchain (rustup)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1; then
    ensure_packages nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version)); install it from https://nodejs.org or NodeSource."
}

ensure_npm_packages() {
  say "Installing npm packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

ensure_tauri_driver() {
  if ! command -v tauri-driver >/dev/null 2>&1; then
    say "Installing tauri-driver"
    cargo install --locked tauri-driver --version '^2'
  fi
}

# Builds the release packages, checks the .rpm's contents, installs the .deb as IT would
# (apt-get), runs the smoke test against the installed binary in the real window, and removes
# the package again, also when the test fails. For the updater it also builds the next
# version's .deb and AppImage and signs them (and what must be refused) with throwaway keys; the tests
# serve those releases from a reference server and update the installed app. Call inside scripts/test.sh's setup.
test_installed_package() {
  local version next deb rpm work status=0
  version="$(node -p 'require("./tauri.conf.json").version')"
  next="$(node -p 'const [a, b, c] = require("./tauri.conf.json").version.split("."); `${a}.${b}.${Number(c) + 1}`')"
  work="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-releases-XXXXXX")"
  # Throwaway signing keys for this run: the release's real key is a secret of the release
  # workflow and never on this machine. "stranger" signs what the app must refuse.
  for key in updater stranger; do
    npx tauri signer generate --ci -p '' -w "$work/$key.key" >/dev/null
  done
  export ARBITER_UPDATER_PUBKEY
  ARBITER_UPDATER_PUBKEY="$(cat "$work/updater.key.pub")"

  # Version A, installed below, and version B, the update it is offered.
  "$ROOT/scripts/package.sh" deb rpm appimage
  deb="$CARGO_TARGET_DIR/release/bundle/deb/Arbiter_${version}_amd64.deb"
  rpm="$CARGO_TARGET_DIR/release/bundle/rpm/Arbiter-${version}-1.x86_64.rpm"
  for path in /usr/bin/arbiter /usr/share/applications/Arbiter.desktop; do
    rpm -qlp "$rpm" 2>/dev/null | grep -qx "$path" || die "the .rpm does not install $path"
  done
  cp "$deb" "$work/current.deb"
  cp "$CARGO_TARGET_DIR/release/bundle/appimage/Arbiter_${version}_amd64.AppImage" "$work/current.AppImage"
  ARBITER_VERSION="$next" "$ROOT/scripts/package.sh" deb appimage
  cp "$CARGO_TARGET_DIR/release/bundle/deb/Arbiter_${next}_amd64.deb" "$work/next.deb"
  cp "$CARGO_TARGET_DIR/release/bundle/appimage/Arbiter_${next}_amd64.AppImage" "$work/next.AppImage"
  mkdir "$work/stranger"
  for kind in deb AppImage; do
    cp "$work/next.$kind" "$work/stranger/next.$kind"
    npx tauri signer sign -f "$work/updater.key" -p '' --app-version "$next" "$work/next.$kind" >/dev/null
    npx tauri signer sign -f "$work/stranger.key" -p '' --app-version "$next" "$work/stranger/next.$kind" >/dev/null
    npx tauri signer sign -f "$work/updater.key" -p '' --app-version "$version" "$work/current.$kind" >/dev/null
  done
  rm -f "$work"/*.key "$work"/*.key.pub

  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$work/current.deb"
  ARBITER_APP=/usr/bin/arbiter ARBITER_RELEASES="$work" ARBITER_NEXT_VERSION="$next" \
    in_desktop_session node --test --test-concurrency=1 tests/installed/ || status=$?
  as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq arbiter
  rm -rf "$work"
  [ ! -e /usr/bin/arbiter ] || die "removing the package left /usr/bin/arbiter behind"
  return "$status"
}

# Builds the desktop app with the UI embedded (what users run) and the reference server.
build_app() {
  say "Building the reference server and the desktop app"
  (cd "$ROOT" && cargo build -p arbiter-server && npx tauri build --debug --no-bundle)
}

# Runs "$@" in a private D-Bus session with an unlocked GNOME keyring and, when there is
# no display, an X server of its own: what the desktop tests (and a headless demo) need.
in_desktop_session() {
  local profile
  profile="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-session-XXXXXX")"
  XDG_DATA_HOME="$profile/data" XDG_CONFIG_HOME="$profile/config" XDG_RUNTIME_DIR="$profile/run" \
    dbus-run-session -- bash -c '
      mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
      eval "$(printf arbiter | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
      export GNOME_KEYRING_CONTROL
      if [ -z "${DISPLAY:-}" ]; then
        exec xvfb-run -a -s "-screen 0 1440x900x24" "$@"
      else
        exec "$@"
      fi' bash "$@"
}

# Starts a private PostgreSQL for the tests (its own data folder, a free port from 55432,
# trust auth on loopback) and exports ARBITER_TEST_POSTGRES with its URL. Stopped when the
# shell exits.
start_test_postgres() {
  ensure_packages postgresql
  local port=55432
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-pg-XXXXXX")"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
  export ARBITER_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres"
  PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop)
  PG_DIR="$dir"
  # Stopped and removed at exit: each run's cluster is ≈ 0.5 GB, and they used to pile up.
  at_exit '"${PG_STOP[@]}" >/dev/null 2>&1 || true; rm -rf "$PG_DIR"'
  say "PostgreSQL for tests on 127.0.0.1:$port"
}

# Commands run when the script exits, last added first.
AT_EXIT=()
at_exit() {
  AT_EXIT=("$1" "${AT_EXIT[@]}")
  trap 'for cmd in "${AT_EXIT[@]}"; do eval "$cmd"; done' EXIT
}

MAIL_PACKAGES=(dovecot-imapd dovecot-lmtpd postfix openssl)

# Postfix's package asks how to set up the machine's own mail; it must not: the stack below
# is private. "No configuration" installs the programs and starts nothing.
ensure_mail_packages() {
  if ! dpkg -s "${MAIL_PACKAGES[@]}" >/dev/null 2>&1; then
    echo "postfix postfix/main_mailer_type select No configuration" | as_root debconf-set-selections
    ensure_packages "${MAIL_PACKAGES[@]}"
  fi
}

# A private Postfix + Dovecot on loopback (scripts/mailstack.sh), stopped and removed at exit.
# Exports ARBITER_TEST_IMAP_PORT, _SMTP_PORT, _SUPPORT_PASSWORD and _MAIL_DIR.
start_mail_stack() {
  ensure_mail_packages
  MAIL_DIR="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-mail-XXXXXX")"
  "$ROOT/scripts/mailstack.sh" start "$MAIL_DIR"
  at_exit '"$ROOT/scripts/mailstack.sh" stop "$MAIL_DIR"; as_root rm -rf "$MAIL_DIR"'
  set -a
  # shellcheck disable=SC1091
  source "$MAIL_DIR/env"
  set +a
  say "Mail stack: SMTP 127.0.0.1:$ARBITER_TEST_SMTP_PORT, IMAP 127.0.0.1:$ARBITER_TEST_IMAP_PORT"
}
