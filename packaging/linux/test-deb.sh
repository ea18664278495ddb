#!/usr/bin/env bash
# Installs the package with apt-get, as a person would, checks what it put where, starts the
# installed app under Xvfb for the end-to-end smoke step, and removes the package again:
#   packaging/linux/test-deb.sh <derbes_*.deb>
# Needs setup_tests (Xvfb, tauri-driver, the e2e packages). Screenshots: artifacts/e2e-installed/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DEB="$(realpath "$1")"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
fail() { echo "FAILED: $*" >&2; exit 1; }
package="$(dpkg-deb -f "$DEB" Package)"
version="$(dpkg-deb -f "$DEB" Version)"

# apt-get, not dpkg -i: the package's dependencies (WebKitGTK) come in as they would for her.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$DEB" >/dev/null
trap '$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$package" >/dev/null' EXIT
dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" || fail "$package is not installed"
for f in /usr/bin/derbes-app /usr/bin/derbes; do
  [ -x "$f" ] || fail "the package has no $f"
done
dpkg -L "$package" | grep -q '\.desktop$' || fail "the package has no menu entry"
/usr/bin/derbes --version | grep -q "$version" || fail "/usr/bin/derbes --version does not say $version"
echo "ok: $package $version installed with apt-get: /usr/bin/derbes-app, /usr/bin/derbes, a menu entry"

rm -rf "$ROOT/artifacts/e2e-installed"
(cd "$ROOT/tests/e2e" && DERBES_APP=/usr/bin/derbes-app DERBES_CLI=/usr/bin/derbes \
  DERBES_E2E_ARTIFACTS="$ROOT/artifacts/e2e-installed" \
  xvfb-run -a -s "-screen 0 1400x900x24" node --test --test-reporter=spec installed/)
echo "ok: the installed app started from /usr/bin/derbes-app (screenshots: artifacts/e2e-installed/)"
