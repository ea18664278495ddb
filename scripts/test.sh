#!/usr/bin/env bash
# Run every test of Derbes: core and CLI (cargo), the interface (tsc + Vitest), and the real
# app end to end under Xvfb (tauri-driver + WebKitWebDriver). Installs what is missing first.
# Screenshots from the end-to-end run land in artifacts/e2e/. Then the core and CLI suites again,
# built for Windows and run under Wine, and both packages (debug builds) installed as a person
# would: the .deb with apt-get, the Windows installer under Wine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
source "$(dirname "${BASH_SOURCE[0]}")/windows.sh"
setup_tests
setup_windows
setup_windows_screens
cd "$ROOT"

say "Formatting"
cargo fmt --all -- --check

say "Core and CLI tests"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run -p derbes-core -p derbes --no-fail-fast
else
  cargo test -p derbes-core -p derbes --no-fail-fast
fi

say "A 200 MB CSV, imported whole in bounded memory (release build)"
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --release -p derbes --test big_files --run-ignored only --no-capture
else
  cargo test --release -p derbes --test big_files -- --ignored --nocapture
fi

say "Fuzz targets: the saved corpus and a short run of each"
if cargo +nightly --version >/dev/null 2>&1 && cargo fuzz --version >/dev/null 2>&1; then
  for target in import_csv import_xlsx iin keyslots; do
    # New inputs go to a scratch folder; the committed corpus is only read.
    found=$(mktemp -d)
    log="$ROOT/artifacts/fuzz-$target.log"
    mkdir -p "$ROOT/artifacts"
    if (cd fuzz && cargo +nightly fuzz run -O "$target" "$found" "corpus/$target" -- \
          -max_total_time="${FUZZ_SECONDS:-15}" -rss_limit_mb=4096) >"$log" 2>&1; then
      echo "$target: $(grep -E '^Done' "$log" | tail -n 1)"
    else
      tail -n 40 "$log"
      echo "The fuzz target $target failed; the input is in fuzz/artifacts/$target/."
      exit 1
    fi
    rm -rf "$found"
  done
else
  echo "nightly Rust or cargo-fuzz is missing: the corpus was replayed on stable only (fuzz_corpus.rs)."
fi

say "The vault format, read by an independent program"
bash tests/format/check.sh

say "Interface: type check and unit tests"
(cd ui && npm run --silent typecheck && npm test --silent)

say "Building the app for the end-to-end test"
(cd ui && npm run build --silent)
cargo build -p derbes-app -p derbes

say "End-to-end test on the real app (Xvfb)"
rm -rf artifacts/e2e
(cd tests/e2e && xvfb-run -a -s "-screen 0 1400x900x24" npm test --silent)
say "The Debian package (debug build): installed with apt-get, started from /usr/bin under Xvfb"
deb="$(bash packaging/linux/build-deb.sh debug "$ROOT/artifacts/deb")"
bash packaging/linux/test-deb.sh "$deb"
# 130 MB in debug; what it proved is in the log and the screenshots.
rm -f "$deb"

say "Core and CLI tests on Windows (a debug build for x86_64-pc-windows-gnu, under Wine)"
wine_env
windows_tests
say "Windows installer (debug build): install, upgrade, uninstall under Wine; the app's WebView2 message"
windows_installer_checks

say "All tests passed. Screenshots: artifacts/e2e/ and artifacts/windows/screenshots/"
