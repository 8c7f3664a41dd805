#!/usr/bin/env bash
# Builds the release packages of the desktop app this machine can build: a release binary
# with the UI embedded and the production CSP (tauri.conf.json), bundled as .deb and .rpm
# (Tauri's bundler, in Rust, offline) and as an AppImage (scripts/appimage.sh). Prints where
# each package is.
#
#   scripts/package.sh                  .deb, .rpm and AppImage
#   scripts/package.sh deb appimage     only those
#
# ARBITER_VERSION builds another version than tauri.conf.json's (the updater's test builds
# a next version to update to). ARBITER_UPDATER_PUBKEY builds the updater's public key in
# (the release workflow passes the real one; without it the app does not update itself).
#
# Tauri's own AppImage bundler downloads linuxdeploy and the AppImage runtime from GitHub at
# build time, which a machine without internet (this one, and many build farms) cannot do;
# scripts/appimage.sh makes the AppImage from the same binary with the runtime kept in the
# repo. .github/workflows/release.yml builds all of them, with the Windows and macOS
# installers, on hosted runners.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

kinds="${*:-deb rpm appimage}"
# What Tauri's bundler makes; the AppImage is made after it.
bundles="$(printf '%s\n' $kinds | grep -vx appimage | paste -sd, || true)"
ensure_packages "${BUILD_PACKAGES[@]}"
ensure_rust
ensure_node
[ -x node_modules/.bin/tauri ] || ensure_npm_packages

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/arbiter-target}"
version="${ARBITER_VERSION:-$(node -p 'require("./tauri.conf.json").version')}"
say "Building the release packages of $version: $kinds"
if [ -n "$bundles" ]; then
  npx tauri build --bundles "$bundles" --config "{\"version\": \"$version\"}"
else
  npx tauri build --no-bundle --config "{\"version\": \"$version\"}"
fi
case " $kinds " in *" appimage "*) "$ROOT/scripts/appimage.sh" "$version" >/dev/null ;; esac

out="$CARGO_TARGET_DIR/release/bundle"
for kind in $kinds; do
  suffix="$kind"
  [ "$kind" != appimage ] || suffix=AppImage
  found="$(find "$out/$kind" -maxdepth 1 -type f -name "*${version}*.$suffix" 2>/dev/null | head -n1)"
  [ -n "$found" ] || die "no .$kind package was made in $out/$kind"
  printf '%s\t%s\t%s bytes\n' "$kind" "$found" "$(stat -c %s "$found")"
done
