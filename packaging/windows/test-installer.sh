#!/usr/bin/env bash
# Installs, upgrades and uninstalls the Windows installer in a brand-new Wine prefix, the way a
# director's laptop would see it, and checks that her vaults and settings survive all three:
#   packaging/windows/test-installer.sh <earlier-setup.exe> <setup.exe> <version of setup.exe>
# The earlier installer stands for the version she has; the second is the upgrade.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
EARLIER="$1"
CURRENT="$2"
VERSION="$3"

scratch="$(mktemp -d)"
export WINEPREFIX="$scratch/prefix" WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n,b"
cleanup() { wineserver -k >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

wineboot --init >/dev/null 2>&1 || true
wineserver --wait
# A Windows folder as a Linux path, e.g. "%LOCALAPPDATA%" -> .../drive_c/users/root/AppData/Local.
winfolder() { winepath -u "$(wine cmd /c echo "$1" 2>/dev/null | tr -d '\r')" 2>/dev/null; }
run_installer() { wine "$1" /S; wineserver --wait; }
reg_value() { wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | awk -v v="$2" '$1 == v { print $3 }'; }

LOCAL="$(winfolder '%LOCALAPPDATA%')"
ROAMING="$(winfolder '%APPDATA%')"
PROFILE="$(winfolder '%USERPROFILE%')"
INSTDIR="$LOCAL/Programs/Derbes"
SHORTCUT="$ROAMING/Microsoft/Windows/Start Menu/Programs/Derbes.lnk"
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Derbes'

# 1. The earlier version, installed per user: no administrator, nothing outside the profile.
run_installer "$EARLIER"
for f in Derbes.exe bin/derbes.exe WebView2Loader.dll "Uninstall Derbes.exe"; do
  [ -f "$INSTDIR/$f" ] || fail "the install has no $f"
done
[ -f "$SHORTCUT" ] || fail "no Start-menu entry at $SHORTCUT"
[ "$(reg_value "$UNINSTALL_KEY" DisplayName)" = "Derbes" ] || fail "no 'Apps & features' entry"
[ -z "$(ls "$WINEPREFIX/drive_c/Program Files" 2>/dev/null | grep -i derbes)" ] || fail "wrote to Program Files"
pass "installed per user in $INSTDIR, with a Start-menu entry and an 'Apps & features' entry"

# The installed command-line tool works (the test-only ProcessPrng shim beside it, then gone)
# and makes her vault where the app suggests it: %USERPROFILE%\Derbes, outside OneDrive.
bash -c "source '$ROOT/scripts/setup.sh'; source '$ROOT/scripts/windows.sh'; wine_shim '$INSTDIR/bin'"
# Only the ASCII part comes from cmd, whose echo turns Cyrillic letters into question marks.
vault_win="$(wine cmd /c echo '%USERPROFILE%' 2>/dev/null | tr -d '\r')\\Derbes\\Қамқор кеңсесі"
printf 'correct horse battery staple 42\n' |
  wine "$INSTDIR/bin/derbes.exe" --vault "$vault_win" \
    --password-stdin --lang en init --name Aigerim >/dev/null ||
  fail "the installed derbes.exe could not make a vault"
rm "$INSTDIR/bin/bcryptprimitives.dll"
VAULT="$PROFILE/Derbes/Қамқор кеңсесі"
[ -f "$VAULT/vault.db" ] || fail "no vault in $VAULT"
# Settings as the app keeps them (%APPDATA%\kz.derbes.app), and a file of her own in the
# program folder, which no uninstaller may take.
mkdir -p "$ROAMING/kz.derbes.app"
echo '{"recent":["C:\\Users\\x\\Derbes\\Қамқор кеңсесі"]}' >"$ROAMING/kz.derbes.app/recent-vaults.json"
echo "her notes" >"$INSTDIR/notes.txt"
before="$(cd "$PROFILE/Derbes" && find . -type f -exec sha256sum {} + | sort; sha256sum "$ROAMING/kz.derbes.app/recent-vaults.json")"
pass "the installed derbes.exe made a vault at $vault_win"

# 2. The upgrade: the new version replaces the program and keeps every vault and setting.
run_installer "$CURRENT"
[ "$(reg_value "$UNINSTALL_KEY" DisplayVersion)" = "$VERSION" ] || fail "the upgrade did not record version $VERSION"
after="$(cd "$PROFILE/Derbes" && find . -type f -exec sha256sum {} + | sort; sha256sum "$ROAMING/kz.derbes.app/recent-vaults.json")"
[ "$before" = "$after" ] || fail "the upgrade changed a vault or a setting"
[ "$(grep -c . <<<"$before")" -ge 2 ] || fail "the vault check compared nothing"
pass "upgraded to $VERSION; vaults and settings unchanged (SHA-256 of every file)"

# 3. The uninstaller removes its own files and entries, and nothing of hers.
wine "$INSTDIR/Uninstall Derbes.exe" /S
wineserver --wait
for f in Derbes.exe bin/derbes.exe WebView2Loader.dll "Uninstall Derbes.exe"; do
  [ ! -e "$INSTDIR/$f" ] || fail "the uninstaller left $f"
done
[ ! -e "$SHORTCUT" ] || fail "the uninstaller left the Start-menu entry"
[ -z "$(reg_value "$UNINSTALL_KEY" DisplayName)" ] || fail "the uninstaller left the 'Apps & features' entry"
[ "$(cat "$INSTDIR/notes.txt")" = "her notes" ] || fail "the uninstaller removed a file it did not install"
after="$(cd "$PROFILE/Derbes" && find . -type f -exec sha256sum {} + | sort; sha256sum "$ROAMING/kz.derbes.app/recent-vaults.json")"
[ "$before" = "$after" ] || fail "the uninstaller touched a vault or a setting"
pass "uninstalled: program, Start-menu entry and registry entries gone; vaults, settings and her own file kept"
echo "The Windows installer passed install, upgrade and uninstall under Wine."
