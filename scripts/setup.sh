#!/usr/bin/env bash
# Installs what Derbes needs on a fresh Debian/Ubuntu machine, skipping whatever is present.
# Sourced by run.sh and test.sh. Uses sudo when not root.
#   setup_app    — system libraries for Tauri, Rust, Node, the UI's npm packages
#   setup_tests  — the above plus Xvfb, WebKitWebDriver, tauri-driver and the e2e packages
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing Debian packages: ${missing[*]}"
  if [ "$APT_UPDATED" -eq 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

setup_app() {
  apt_install build-essential pkg-config curl file libssl-dev \
    libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
  if ! command -v cargo >/dev/null; then
    say "Installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
  fi
  if ! command -v npm >/dev/null; then
    apt_install nodejs npm
  fi
  if [ ! -d "$ROOT/ui/node_modules" ] || [ "$ROOT/ui/package-lock.json" -nt "$ROOT/ui/node_modules/.package-lock.json" ]; then
    say "Installing the UI's packages (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_tests() {
  setup_app
  # poppler-utils: pdftoppm renders a produced paper's first page in the end-to-end test.
  apt_install xvfb xauth webkit2gtk-driver xclip poppler-utils
  # The vault-format check runs an independent reader in a Python virtual environment.
  python3 -m venv --help >/dev/null 2>&1 || apt_install python3 python3-venv
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --locked
  fi
  # The fuzz targets need nightly Rust and cargo-fuzz; without them the corpus is still replayed
  # on stable (crates/core/tests/fuzz_corpus.rs), so a failed install only skips the fuzzing.
  if ! cargo +nightly --version >/dev/null 2>&1; then
    say "Installing nightly Rust (for the fuzz targets)"
    rustup toolchain install nightly --profile minimal || say "No nightly Rust: the fuzz targets will be skipped"
  fi
  if cargo +nightly --version >/dev/null 2>&1 && ! cargo fuzz --version >/dev/null 2>&1; then
    say "Installing cargo-fuzz"
    cargo install cargo-fuzz --locked || say "No cargo-fuzz: the fuzz targets will be skipped"
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules" ] || [ "$ROOT/tests/e2e/package-lock.json" -nt "$ROOT/tests/e2e/node_modules/.package-lock.json" ]; then
    say "Installing the end-to-end test's packages (npm ci)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
