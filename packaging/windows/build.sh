#!/usr/bin/env bash
# Builds the Windows installer from Windows binaries already cross-compiled on Linux:
#   packaging/windows/build.sh <profile: release|debug> <output folder>
# Prints the installer's path. scripts/package.sh builds the binaries and calls this.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PROFILE="${1:-release}"
OUT="${2:-$ROOT/artifacts/package}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/x86_64-pc-windows-gnu/$PROFILE"
VERSION="${DERBES_VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)}"

# The loader the app links against, as webview2-com-sys's build script left it.
loader="$(find "$TARGET_DIR/build" -path '*webview2-com-sys-*/out/x64/WebView2Loader.dll' -print -quit 2>/dev/null || true)"
[ -n "$loader" ] || { echo "WebView2Loader.dll not found under $TARGET_DIR/build: build derbes-app for Windows first." >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/bin" "$OUT"
cp "$TARGET_DIR/derbes-app.exe" "$stage/Derbes.exe"
cp "$TARGET_DIR/derbes.exe" "$stage/bin/derbes.exe"
cp "$loader" "$stage/WebView2Loader.dll"

installer="$OUT/Derbes-$VERSION-setup-x64.exe"
# A debug installer is only ever tested: zlib packs its 550 MB in seconds, where LZMA takes minutes.
fast=()
[ "$PROFILE" = "release" ] || fast=(-DCOMPRESSOR=zlib)
# -WX: a warning (a missing string, a page without its language) fails the build.
makensis -V2 -WX -INPUTCHARSET UTF8 "${fast[@]}" \
  -DVERSION="$VERSION" -DSTAGE="$stage" -DOUTFILE="$installer" \
  -DICON="$ROOT/src-tauri/icons/icon.ico" "$HERE/derbes.nsi" >&2
echo "$installer"
