#!/usr/bin/env bash
# Builds the Debian package with Tauri's bundler (its deb target needs no downloads):
#   packaging/linux/build-deb.sh <profile: release|debug> <output folder>
# The app is /usr/bin/derbes-app with a menu entry; the command-line tool is /usr/bin/derbes.
# Prints the package's path.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PROFILE="${1:-release}"
OUT="${2:-$ROOT/artifacts/package}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cd "$ROOT"

flags=()
[ "$PROFILE" = "release" ] || flags+=(--debug)
[ "$PROFILE" = "release" ] && cargo_flags=(--release) || cargo_flags=()
(cd ui && npm run build --silent) >&2
cargo build "${cargo_flags[@]}" -p derbes >&2
# The CLI goes in by the bundler's `files`; given here, since its path depends on the profile.
files="{\"bundle\":{\"linux\":{\"deb\":{\"files\":{\"/usr/bin/derbes\":\"$TARGET_DIR/$PROFILE/derbes\"}}}}}"
ui/node_modules/.bin/tauri build "${flags[@]}" --bundles deb --ci --config "$files" >&2

deb="$(ls -t "$TARGET_DIR/$PROFILE/bundle/deb/"*.deb | head -n 1)"
mkdir -p "$OUT"
# Debian's own spelling of the file name: lower-case package, version, architecture.
name="$(dpkg-deb -f "$deb" Package)_$(dpkg-deb -f "$deb" Version)_$(dpkg-deb -f "$deb" Architecture).deb"
cp "$deb" "$OUT/$name"
echo "$OUT/$name"
