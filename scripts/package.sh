#!/usr/bin/env bash
# Builds the release packages of the desktop app this machine can build: a release binary
# with the UI embedded and the production CSP (tauri.conf.json), bundled as .deb and .rpm
# (Tauri's bundler, in Rust, offline). Prints where each package is.
#
#   scripts/package.sh            .deb and .rpm
#   scripts/package.sh deb        only the .deb
#
# ARBITER_VERSION builds another version than tauri.conf.json's (the updater's test builds
# a next version to update to). ARBITER_UPDATER_PUBKEY builds the updater's public key in
# (the release workflow passes the real one; without it the app does not update itself).
#
# The AppImage is not built here: Tauri's AppImage bundler downloads linuxdeploy and the
# AppImage runtime from GitHub at build time, which a machine without internet (this one, and
# many build farms) cannot do. .github/workflows/release.yml builds it, with the Windows and
# macOS installers, on hosted runners.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bundles="${*:-deb rpm}"
bundles="${bundles// /,}"
ensure_packages "${BUILD_PACKAGES[@]}"
ensure_rust
ensure_node
[ -x node_modules/.bin/tauri ] || ensure_npm_packages

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/arbiter-target}"
version="${ARBITER_VERSION:-$(node -p 'require("./tauri.conf.json").version')}"
say "Building the release packages of $version: $bundles"
npx tauri build --bundles "$bundles" --config "{\"version\": \"$version\"}"

out="$CARGO_TARGET_DIR/release/bundle"
for kind in ${bundles//,/ }; do
  found="$(find "$out/$kind" -maxdepth 1 -type f -name "*${version}*.$kind" 2>/dev/null | head -n1)"
  [ -n "$found" ] || die "no .$kind package was made in $out/$kind"
  printf '%s\t%s\t%s bytes\n' "$kind" "$found" "$(stat -c %s "$found")"
done
