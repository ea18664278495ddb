#!/usr/bin/env bash
# Build and start the Derbes app. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_app
cd "$ROOT"
say "Building the interface"
(cd ui && npm run build --silent)
say "Building the app (the first time takes a few minutes)"
cargo build --release -p derbes-app
say "Starting Derbes"
exec "$ROOT/target/release/derbes-app"
