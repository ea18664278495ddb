#!/usr/bin/env bash
# docs/vault-format.md is complete: tools/open_vault.py, written from that page alone with
# Python's own Argon2, XChaCha20-Poly1305 and SQLCipher bindings, opens a vault that
# `derbes init` made — with the password and with the recovery key — and verifies its journal.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/target/format-check-venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check argon2-cffi pynacl sqlcipher3-binary
fi
DERBES="$ROOT/target/debug/derbes"
cargo build -q -p derbes --manifest-path "$ROOT/Cargo.toml"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
PW='тауда қар жауды кеше түнде'
pass=0 fail=0
check() { # name, expected substring, command output
  if grep -q -- "$2" <<<"$3"; then pass=$((pass + 1)); echo "ok   $1"; else fail=$((fail + 1)); echo "FAIL $1: $3"; fi
}
printf '%s\n' "$PW" | "$DERBES" --vault "$T/v" --password-stdin --json init --name 'Айгүл Серікова' >"$T/init.json"
KEY=$("$VENV/bin/python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["recoveryKey"])' "$T/init.json")
check "opens with the password" '"users": \["Айгүл Серікова"\]' "$(printf '%s\n' "$PW" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v")"
check "opens with the recovery key" '"journal_entries": 3' "$(printf '%s\n' "$KEY" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v" --recovery-key)"
check "refuses a wrong password" 'wrong password' "$(printf 'nope\n' | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v" 2>&1 || true)"
printf '%s\n%s\n' "$PW" 'зелёный трамвай едет медленно' | "$DERBES" --vault "$T/v" --password-stdin passwd >/dev/null
check "follows a password change" '"journal_entries": 6' "$(printf 'зелёный трамвай едет медленно\n' | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v")"
# A second user, added by the responsible person: her slot has its own key pair and name tag.
STAFF='жаңбыр жауып тұр кеше де бүгін де'
printf '%s\n%s\n' 'зелёный трамвай едет медленно' "$STAFF" | "$DERBES" --vault "$T/v" --password-stdin user add 'Дана Әлиева' --role staff >/dev/null
check "opens with a second user's password" '"users": \["Айгүл Серікова", "Дана Әлиева"\]' "$(printf '%s\n' "$STAFF" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v")"
check "tries only the named user's slot" '"users"' "$(printf '%s\n' "$STAFF" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v" --user ' дана әлиева')"
check "a password under another's name opens nothing" 'wrong password' "$(printf '%s\n' "$STAFF" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v" --user 'Айгүл Серікова' 2>&1 || true)"
check "the file is version 2" '"version":2' "$(head -n 1 "$T/v/keyslots")"
# Tamper with journal entry 2 behind Derbes' back (the reader has the key); the CLI must name it.
"$VENV/bin/python" - "$T/v" "$ROOT/tools" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import sqlcipher3
from pathlib import Path
from open_vault import read_keyslots, unwrap
vault = Path(sys.argv[1])
key = unwrap(read_keyslots(vault), "password", "зелёный трамвай едет медленно".encode())
db = sqlcipher3.connect(str(vault / "vault.db"))
db.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
db.executescript("DROP TRIGGER journal_no_update; UPDATE journal SET details = '{\"reason\":\"forged\"}' WHERE seq = 2;")
db.commit()
PY
out=$(printf 'зелёный трамвай едет медленно\n' | "$DERBES" --vault "$T/v" --password-stdin journal verify 2>&1 || true)
check "journal verify names the changed entry" 'Journal entry 2 was changed' "$out"
# A backup, and the destruction log beside the vault: the same reader opens both.
printf '%s\n' 'зелёный трамвай едет медленно' | "$DERBES" --vault "$T/v2" --password-stdin init --name 'Айгүл' >/dev/null
PW2='зелёный трамвай едет медленно'
printf '%s\n' "$PW2" | "$DERBES" --vault "$T/v2" --password-stdin demo --subjects 12 >/dev/null
printf '%s\n' "$PW2" | "$DERBES" --vault "$T/v2" --password-stdin destroy 1 2 --yes >/dev/null
mkdir -p "$T/stick"
printf '%s\n' "$PW2" | "$DERBES" --vault "$T/v2" --password-stdin backup --out "$T/stick/b.derbes-backup" >/dev/null
check "opens a backup" '"backup_people": 10, "people": 10' "$(printf '%s\n' "$PW2" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" --backup "$T/stick/b.derbes-backup")"
check "reads the destruction log beside it" '"log_acts": 1, "log_people": 2' "$(printf '%s\n' "$PW2" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" --backup "$T/stick/b.derbes-backup" --log "$T/stick/b.derbes-log")"
python3 - "$T/stick/b.derbes-backup" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 1
open(p, "wb").write(bytes(b))
PY
check "refuses a damaged backup" 'damaged' "$(printf '%s\n' "$PW2" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" --backup "$T/stick/b.derbes-backup" 2>&1 || true)"
# A key file as a second factor: the reader needs it too, and reads its documented line.
printf '%s\n' "$PW2" | "$DERBES" --vault "$T/v2" --password-stdin key-file set --out "$T/stick/k.derbes-key" >/dev/null
check "needs the key file" 'wrong password' "$(printf '%s\n' "$PW2" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v2" 2>&1 || true)"
check "opens with the password and the key file" '"people": 10\|"journal_entries"' "$(printf '%s\n' "$PW2" | "$VENV/bin/python" "$ROOT/tools/open_vault.py" "$T/v2" --key-file "$T/stick/k.derbes-key")"
check "the slot says it needs a key file" '"key_file":true' "$(head -n 1 "$T/v2/keyslots")"
echo "format: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
