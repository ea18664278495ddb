#!/usr/bin/env bash
# The Windows build, made on Linux, and Wine to run it. Sourced by test.sh and package.sh after
# setup.sh.
#   setup_windows  — the Rust target, the MinGW-w64 cross compilers, Wine and NSIS
#   wine_env       — a Wine prefix of the project's own and the variables that run .exe files in it
#   wine_shim DIR  — the test-only bcryptprimitives.dll beside the programs in DIR
set -euo pipefail

WIN_TARGET=x86_64-pc-windows-gnu
WIN_RUNNER="target.$WIN_TARGET.runner=\"wine\""

setup_windows() {
  apt_install gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine wine64 nsis
  if ! rustup target list --installed | grep -qx "$WIN_TARGET"; then
    say "Adding Rust's $WIN_TARGET target"
    rustup target add "$WIN_TARGET"
  fi
}

# What the checks that look at Windows windows need: xwininfo finds the app's message box,
# ImageMagick's import takes its screenshot, DejaVu Sans stands in for Windows' fonts, and the
# kk/ru locales exist (Wine takes the Windows language from the Linux locale).
setup_windows_screens() {
  apt_install x11-utils imagemagick locales fonts-dejavu-core
  local loc
  for loc in kk_KZ ru_RU; do
    if ! locale -a | grep -qix "$loc.utf-\?8"; then
      say "Making the $loc.UTF-8 locale (for the Windows app's kk/ru message under Wine)"
      $SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
    fi
  done
}

# The installer made from the debug build, installed, upgraded and uninstalled in a fresh
# prefix, and the Windows app's own message where WebView2 is missing (scripts/test.sh).
# scripts/package.sh does the same with the release build.
windows_installer_checks() {
  local version out earlier installer
  version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)"
  out="$ROOT/artifacts/windows"
  rm -rf "$out"
  mkdir -p "$out"
  cargo build --target "$WIN_TARGET" -p derbes-app -p derbes
  earlier="$(DERBES_VERSION=0.0.1 bash "$ROOT/packaging/windows/build.sh" debug "$out/earlier")"
  installer="$(bash "$ROOT/packaging/windows/build.sh" debug "$out")"
  bash "$ROOT/packaging/windows/test-installer.sh" "$earlier" "$installer" "$version"
  # The installers are 90 MB each in debug; only the screenshots are kept.
  rm -rf "$out/earlier" "$installer"
  wine_shim "$ROOT/target/$WIN_TARGET/debug"
  bash "$ROOT/packaging/windows/webview2-message.sh" "$ROOT/target/$WIN_TARGET/debug" "$out/screenshots"
}

wine_env() {
  # A prefix of our own, so a developer's ~/.wine is never touched; made once, then reused.
  export WINEPREFIX="${DERBES_WINEPREFIX:-$ROOT/target/wine}"
  export WINEARCH=win64
  # No Mono or Gecko download prompts (no network), and no Wine debugging noise.
  export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
  export WINEDEBUG=-all
  # Test programs are run through Wine by cargo's --config target runner (WIN_RUNNER), not by
  # CARGO_TARGET_..._RUNNER: the environment variable is inherited by the Windows test programs,
  # and assert_cmd would then try to start "wine" from inside Windows.
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    say "Making a Wine prefix in $WINEPREFIX"
    mkdir -p "$WINEPREFIX"
    wineboot --init >/dev/null 2>&1 || true
    wineserver --wait || true
  fi
  # One wine server for the whole run instead of one per test process.
  wineserver --persistent=600 >/dev/null 2>&1 || true
}

# Debian's Wine 8 lacks ProcessPrng, which Rust's standard library takes its random bytes from
# on Windows 10 and 11. The shim (tests/windows/bcryptprimitives.c) is for the tests only: it is
# never put in the installer.
wine_shim() {
  local dll="$ROOT/target/$WIN_TARGET/bcryptprimitives.dll"
  if [ ! -f "$dll" ] || [ "$ROOT/tests/windows/bcryptprimitives.c" -nt "$dll" ]; then
    mkdir -p "$(dirname "$dll")"
    x86_64-w64-mingw32-gcc -O2 -shared -o "$dll" "$ROOT/tests/windows/bcryptprimitives.c" -ladvapi32
  fi
  for dir in "$@"; do
    mkdir -p "$dir"
    cp "$dll" "$dir/"
  done
}

# The core and CLI suites, built once for Windows (debug) and run under Wine.
windows_tests() {
  local runner=(--config "$WIN_RUNNER" --target "$WIN_TARGET")
  # Beside the test programs before nextest lists them (it runs each to ask for its tests);
  # cargo test runs them from the same folders.
  wine_shim "$ROOT/target/$WIN_TARGET/debug" "$ROOT/target/$WIN_TARGET/debug/deps"
  # Every test's temporary folder under a path with Cyrillic letters and a space. Wine takes
  # %TEMP% from the prefix's registry, not from the Linux environment.
  mkdir -p "$WINEPREFIX/drive_c/Уақытша файлдар"
  local v
  for v in TEMP TMP; do
    wine reg add 'HKCU\Environment' /v "$v" /t REG_SZ /d 'C:\Уақытша файлдар' /f >/dev/null 2>&1
  done
  local status=0
  if cargo nextest --version >/dev/null 2>&1; then
    # One retry: under load a Wine process now and then dies before main() (exit 66 in 40 ms,
    # no test code run); nextest reports such a test as flaky, and a real failure fails twice.
    cargo nextest run "${runner[@]}" -p derbes-core -p derbes --no-fail-fast --retries 1 || status=$?
  else
    cargo test "${runner[@]}" -p derbes-core -p derbes --no-fail-fast || status=$?
  fi
  # The persistent Wine server would otherwise outlive the test run by ten minutes.
  wineserver -k >/dev/null 2>&1 || true
  return "$status"
}
