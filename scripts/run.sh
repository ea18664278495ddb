#!/usr/bin/env bash
# Build and start the Derbes app. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_app
cd "$ROOT"
# Rebuild the interface only when its sources changed: a rebuilt ui/dist makes the app recompile.
if [ ! -f ui/dist/index.html ] || [ -n "$(find ui/src ui/index.html ui/package.json ui/vite.config.ts ui/public -newer ui/dist/index.html -print -quit 2>/dev/null)" ]; then
  say "Building the interface"
  (cd ui && npm run build --silent)
fi
say "Building the app (the first time takes a few minutes)"
cargo build --release -p derbes-app
say "Starting Derbes"
exec "$ROOT/target/release/derbes-app"
