#!/usr/bin/env bash
# Makes what a person downloads, and tests each the way she would use it:
#   - the Debian package: built, installed with apt-get, its app started from /usr/bin under Xvfb;
#   - the Windows installer: cross-built on Linux, installed, upgraded and uninstalled in a fresh
#     Wine prefix, and the Windows app started there to show its own WebView2 message.
# Everything lands in artifacts/package/ with SHA256SUMS. Installs what is missing first.
#   scripts/package.sh            release builds (what is published)
#   DERBES_PROFILE=debug scripts/package.sh   the debug builds the tests already made (faster)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$ROOT/scripts/windows.sh"
setup_tests
setup_windows
setup_windows_screens
cd "$ROOT"
PROFILE="${DERBES_PROFILE:-release}"
OUT="$ROOT/artifacts/package"
rm -rf "$OUT"
mkdir -p "$OUT"
[ "$PROFILE" = "release" ] && cargo_profile=(--release) || cargo_profile=()
VERSION="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"

times=()
step() { say "$1"; step_name="$1"; step_start=$SECONDS; }
done_step() { times+=("$(printf '%5ss  %s' $((SECONDS - step_start)) "$step_name")"); }

step "Debian package: build ($PROFILE)"
deb="$(bash packaging/linux/build-deb.sh "$PROFILE" "$OUT")"
done_step

step "Debian package: install with apt-get, start the installed app under Xvfb"
bash packaging/linux/test-deb.sh "$deb"
cp -r artifacts/e2e-installed "$OUT/screenshots-linux"
done_step

step "Windows: build the app and the CLI ($PROFILE, x86_64-pc-windows-gnu)"
(cd ui && npm run build --silent)
cargo build "${cargo_profile[@]}" --target "$WIN_TARGET" -p derbes-app -p derbes
done_step

step "Windows: the installer (makensis)"
# The same program labelled as an earlier version, to test the upgrade over it.
earlier="$(DERBES_VERSION=0.0.1 bash packaging/windows/build.sh "$PROFILE" "$(mktemp -d)")"
installer="$(bash packaging/windows/build.sh "$PROFILE" "$OUT")"
done_step

step "Windows: install, upgrade and uninstall in a fresh Wine prefix"
bash packaging/windows/test-installer.sh "$earlier" "$installer" "$VERSION"
rm -rf "$(dirname "$earlier")"
done_step

step "Windows: start the app under Wine, which has no WebView2 (Xvfb)"
wine_env
bin="$ROOT/target/$WIN_TARGET/$PROFILE"
wine_shim "$bin"
bash packaging/windows/webview2-message.sh "$bin" "$OUT/screenshots-windows"
done_step

(cd "$OUT" && sha256sum ./*.deb ./*.exe >SHA256SUMS)
say "Packages in artifacts/package/"
(cd "$OUT" && for f in ./*.deb ./*.exe; do printf '  %-34s %6s MB\n' "${f#./}" "$(du -m "$f" | cut -f1)"; done)
sed 's/^/  /' "$OUT/SHA256SUMS"
echo "  Installer contents:"
(cd "$ROOT/target/$WIN_TARGET/$PROFILE" && du -h derbes-app.exe derbes.exe) | sed 's/^/    /'
say "Step times"
printf '  %s\n' "${times[@]}"
