#!/usr/bin/env bash
# Makes Arbiter's AppImage from the release binary scripts/package.sh built: the AppImage
# runtime (deploy/linux/appimage/runtime, compiled here) followed by a SquashFS image of an
# AppDir holding the app, its desktop entry (arbiter:// links) and its icons.
#
#   scripts/appimage.sh VERSION     → $CARGO_TARGET_DIR/release/bundle/appimage/Arbiter_VERSION_amd64.AppImage
#
# The image carries the app, not the desktop's libraries: it runs on the WebKitGTK 4.1 and
# GTK 3 the desktop has, as the .deb and .rpm do. (Tauri's bundler, which the release
# workflow uses on hosted runners, also copies those libraries in with linuxdeploy, a tool
# it downloads from GitHub while it builds; this machine has no internet.)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

version="${1:?usage: scripts/appimage.sh VERSION}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/arbiter-target}"
binary="$CARGO_TARGET_DIR/release/arbiter"
[ -x "$binary" ] || die "no release binary at $binary: run scripts/package.sh first"
ensure_packages "${APPIMAGE_PACKAGES[@]}"

# The runtime, compiled once per version of its source. Static, like upstream's build, so the
# AppImage needs nothing from the desktop to mount itself.
sources="$ROOT/deploy/linux/appimage/runtime"
digest="$(cat "$sources/runtime.c" "$sources/data_sections.ld" "$sources/squashfuse/fuseprivate.h" | sha256sum | cut -c1-16)"
runtime="$CARGO_TARGET_DIR/appimage-runtime/$digest/runtime"
if [ ! -x "$runtime" ]; then
  say "Compiling the AppImage runtime"
  mkdir -p "$(dirname "$runtime")"
  cc -std=gnu99 -Os -D_FILE_OFFSET_BITS=64 -DGIT_COMMIT='"caf24f9"' \
    -T "$sources/data_sections.ld" -ffunction-sections -fdata-sections -Wl,--gc-sections -static \
    -I"$sources" -I/usr/include/squashfuse -I/usr/include/fuse3 \
    "$sources/runtime.c" -o "$runtime.tmp" \
    -lsquashfuse -lsquashfuse_ll -lzstd -lz -llzma -llz4 -llzo2 -lfuse3 -lpthread 2> "$runtime.log" ||
    { cat "$runtime.log" >&2; die "the AppImage runtime did not compile"; }
  strip --strip-unneeded "$runtime.tmp"
  # The AppImage type 2 magic, where upstream's build writes it (ELF header's padding).
  printf 'AI\x02' | dd of="$runtime.tmp" bs=1 count=3 seek=8 conv=notrunc status=none
  mv "$runtime.tmp" "$runtime"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-appimage-XXXXXX")"
trap 'rm -rf "$work"' EXIT
appdir="$work/Arbiter.AppDir"
install -D -m 755 "$binary" "$appdir/usr/bin/arbiter"
# The updater installs an update the way the app was installed, read from a marker Tauri's
# bundler writes into each package's binary: an AppImage's update replaces the AppImage file.
perl -0777 -pi -e 's/__TAURI_BUNDLE_TYPE_VAR_[A-Z]{3}/__TAURI_BUNDLE_TYPE_VAR_APP/g' "$appdir/usr/bin/arbiter"
grep -aq __TAURI_BUNDLE_TYPE_VAR_APP "$appdir/usr/bin/arbiter" || die "the app's bundle-type marker was not found"
install -D -m 644 icons/32x32.png "$appdir/usr/share/icons/hicolor/32x32/apps/arbiter.png"
install -D -m 644 icons/128x128.png "$appdir/usr/share/icons/hicolor/128x128/apps/arbiter.png"
install -D -m 644 icons/128x128@2x.png "$appdir/usr/share/icons/hicolor/256x256/apps/arbiter.png"
# The .deb's desktop entry, from the same template (deploy/linux/arbiter.desktop.hbs).
sed -e 's/{{categories}}/Office;/' -e 's/{{exec}}/arbiter/g' -e 's/{{icon}}/arbiter/' -e 's/{{name}}/Arbiter/' \
  -e "s/{{comment}}/$(node -p 'require("./tauri.conf.json").bundle.shortDescription')/" \
  -e '/{{#if comment}}/d' -e '/{{\/if}}/d' deploy/linux/arbiter.desktop.hbs > "$work/Arbiter.desktop"
! grep -q '{{' "$work/Arbiter.desktop" || die "the desktop entry template has a field this script does not fill"
install -D -m 644 "$work/Arbiter.desktop" "$appdir/usr/share/applications/Arbiter.desktop"
cp "$work/Arbiter.desktop" "$appdir/Arbiter.desktop"
cp icons/128x128.png "$appdir/arbiter.png"
ln -s arbiter.png "$appdir/.DirIcon"
# The runtime runs AppRun with APPIMAGE (this file) and APPDIR (where it is mounted) set; the
# app then runs as "arbiter", as from the other packages.
cat > "$appdir/AppRun" <<'EOF_APPRUN'
#!/bin/sh
exec "${APPDIR:-$(dirname "$(readlink -f "$0")")}/usr/bin/arbiter" "$@"
EOF_APPRUN
chmod 755 "$appdir/AppRun"

out="$CARGO_TARGET_DIR/release/bundle/appimage"
file="$out/Arbiter_${version}_amd64.AppImage"
mkdir -p "$out"
mksquashfs "$appdir" "$work/image.squashfs" -root-owned -noappend -comp zstd -quiet -no-progress >/dev/null
cat "$runtime" "$work/image.squashfs" > "$file.tmp"
chmod 755 "$file.tmp"
mv "$file.tmp" "$file"
printf '%s\n' "$file"
