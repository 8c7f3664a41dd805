#!/usr/bin/env bash
# Sets up what is missing on a Debian/Ubuntu machine and runs every test: formatting, lints,
# the Rust suites (reference server on loopback on SQLite and a private PostgreSQL, real
# SQLite files, the OS keyring in a private D-Bus session, a private Postfix and Dovecot
# for the mail room), the contract (Schemathesis
# against the reference server and its OpenAPI document), the UI's type check and
# unit tests, the UI's flows in Debian's Chromium on the in-memory desk, and the
# company API with a real OpenID provider's tokens, the
# end-to-end tests in the real app window, then the release packages: the .deb installed and
# its app tested in the window, the .deb and the AppImage updated to a next version, then
# removed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_packages "${BUILD_PACKAGES[@]}" "${DESKTOP_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
ensure_rust
ensure_node
ensure_npm_packages
ensure_tauri_driver

start_test_postgres
export ARBITER_REQUIRE_POSTGRES=1
start_mail_stack
export ARBITER_REQUIRE_MAIL=1

say "Rust formatting";  cargo fmt --all --check
say "Rust lints";       cargo clippy --workspace --all-targets --locked -- -D warnings
# In a private D-Bus session with GNOME Keyring, so the keyring test uses the real store.
say "Rust tests";       ARBITER_REQUIRE_KEYRING=1 in_desktop_session cargo test --workspace --locked
# The reference server against its own OpenAPI document (Schemathesis, every check).
cargo build -p arbiter-server --locked
./scripts/contract.sh
# The identity provider's tokens at the company API (a real oidc-provider on loopback).
say "Sign-in with the identity provider"; node --test --test-concurrency=1 tests/idp/
say "UI type check";    npm --prefix ui run check
say "UI unit tests";    npm --prefix ui test
say "UI in Chromium";   node --test --test-concurrency=1 tests/browser/
build_app
say "End-to-end tests in the real window"
in_desktop_session node --test --test-concurrency=1 tests/e2e/
say "Packages: .deb, .rpm and AppImage built, the .deb installed, the installed app and the AppImage tested and updated, removed"
test_installed_package
say "All tests passed"
