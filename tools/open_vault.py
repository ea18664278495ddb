#!/usr/bin/env python3
"""Open a Derbes vault from docs/vault-format.md alone — an independent reader.

Reads the password (or, with --recovery-key, the recovery key) from the first line of stdin,
unwraps the data key, opens vault.db with SQLCipher, verifies the journal's hash chain, and
prints a JSON summary. Needs: argon2-cffi, pynacl, sqlcipher3-binary.

    python3 tools/open_vault.py VAULT_DIR [--recovery-key | --user NAME] < secret
    python3 tools/open_vault.py --backup FILE [--recovery-key | --user NAME] [--log LOG] < secret

With --backup, the backup file is checked (its SHA-256), its keyslots and database are taken out
into a temporary folder and opened the same way; with --log, a destruction log of that vault is
opened with the key kept in the database and its acts are counted.
"""

import hashlib
import json
import struct
import sys
import tempfile
from pathlib import Path

import sqlcipher3
from argon2.low_level import Type, hash_secret_raw
from nacl.bindings import crypto_aead_xchacha20poly1305_ietf_decrypt
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, SealedBox

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def read_keyslots(vault: Path) -> dict:
    text = (vault / "keyslots").read_bytes().decode("utf-8")
    lines = text.split("\n")
    assert len(lines) == 3 and lines[2] == "", "keyslots has two lines"
    body, checksum = lines[0], lines[1]
    if checksum != "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest():
        raise SystemExit("keyslots is damaged or edited")
    ks = json.loads(body)
    assert ks["format"] == "derbes-keyslots" and ks["version"] in (1, 2)
    return ks


def decode_recovery_key(text: str) -> bytes:
    chars = [c for c in text.upper() if c not in "- \t\r\n"]
    chars = ["0" if c == "O" else "1" if c in "IL" else c for c in chars]
    if len(chars) != 32:
        raise SystemExit("not a recovery key")
    bits = 0
    for c in chars:
        bits = (bits << 5) | ALPHABET.index(c)
    raw = bits.to_bytes(20, "big")
    if hashlib.sha256(raw[:18]).digest()[:2] != raw[18:]:
        raise SystemExit("recovery key check failed")
    return raw


def name_tag(vault_id: str, name: str) -> str:
    return hashlib.sha256(f"derbes-user-tag-v1|{vault_id}|{name.strip().lower()}".encode("utf-8")).hexdigest()[:2]


def read_key_file(path: str) -> bytes:
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip().startswith("derbes-key-file-v1"):
            raw = bytes.fromhex(line.strip().split()[1])
            assert len(raw) == 32, "key file damaged"
            return raw
    raise SystemExit("not a Derbes key file")


def unwrap(ks: dict, kind: str, secret: bytes, user: str | None = None, key_file: bytes | None = None) -> bytes:
    tag = name_tag(ks["vault_id"], user) if user else None
    for slot in ks["slots"]:
        if slot["kind"] != kind:
            continue
        if tag and slot.get("name_tag") not in (None, tag):
            continue
        needs_file = slot.get("key_file", False)
        if needs_file and key_file is None:
            continue
        kdf, aead = slot["kdf"], slot["aead"]
        assert kdf["algorithm"] == "argon2id" and kdf["version"] == 19
        assert aead["algorithm"] == "xchacha20poly1305"
        kek = hash_secret_raw(
            secret + (key_file if needs_file else b""), bytes.fromhex(kdf["salt"]), time_cost=kdf["iterations"], memory_cost=kdf["memory_kib"],
            parallelism=kdf["parallelism"], hash_len=32, type=Type.ID, version=19,
        )
        fields = [
            ks["vault_id"], slot["id"], slot["kind"], slot["user_id"] or "",
            kdf["algorithm"], str(kdf["version"]), str(kdf["memory_kib"]), str(kdf["iterations"]),
            str(kdf["parallelism"]), kdf["salt"],
        ]
        v2 = "public_key" in slot
        if v2:
            fields = ["derbes-keyslot-v2", *fields, slot.get("name_tag") or "", slot["public_key"]]
            if needs_file:
                fields.append("key-file")
        else:
            fields = ["derbes-keyslot-v1", *fields]
        try:
            opened = crypto_aead_xchacha20poly1305_ietf_decrypt(
                bytes.fromhex(slot["wrapped_key"]), "|".join(fields).encode("utf-8"), bytes.fromhex(aead["nonce"]), kek
            )
        except CryptoError:
            continue
        if not v2:
            return opened
        secret_key = PrivateKey(opened)
        assert bytes(secret_key.public_key).hex() == slot["public_key"], "the slot's key pair does not match"
        return SealedBox(secret_key).decrypt(bytes.fromhex(slot["sealed_key"]))
    raise SystemExit("wrong password or key")


def field(s: str) -> bytes:
    b = s.encode("utf-8")
    return len(b).to_bytes(8, "big") + b


def verify_journal(db) -> int:
    prev, n = "0" * 64, 0
    for seq, at, user, action, obj, details, prev_hash, h in db.execute(
        "SELECT seq, at, user_id, action, object, details, prev_hash, hash FROM journal ORDER BY seq"
    ):
        n += 1
        assert seq == n, f"entry {n} missing"
        assert prev_hash == prev, f"entry {seq} does not follow"
        parts = ["derbes-journal-v1", str(seq), at, user or "", action, obj or "", details, prev_hash]
        assert hashlib.sha256(b"".join(field(p) for p in parts)).hexdigest() == h, f"entry {seq} changed"
        prev = h
    head = db.execute("SELECT value FROM meta WHERE key = 'journal_head'").fetchone()[0]
    assert head == f"{n}:{prev}", "journal tail cut off"
    return n


def unpack_backup(path: Path, into: Path) -> dict:
    data = path.read_bytes()
    assert data[:8] == b"DRBSBAK\n", "not a Derbes backup"
    version, head_len = struct.unpack("<II", data[8:16])
    assert version == 1, f"backup format {version}"
    assert hashlib.sha256(data[:-32]).digest() == data[-32:], "backup damaged (checksum)"
    header = json.loads(data[16 : 16 + head_len])
    at = 16 + head_len
    ks_end = at + header["keyslotsLen"]
    assert ks_end + header["databaseLen"] + 32 == len(data), "backup damaged (length)"
    (into / "keyslots").write_bytes(data[at:ks_end])
    (into / "vault.db").write_bytes(data[ks_end : ks_end + header["databaseLen"]])
    return header


def open_log(path: Path, db, vault_id: str) -> dict:
    data = path.read_bytes()
    assert data[:8] == b"DRBSLOG\n", "not a destruction log"
    (version,) = struct.unpack("<I", data[8:12])
    assert version == 1, f"log format {version}"
    owner, nonce = data[12:28], data[28:52]
    import uuid

    assert str(uuid.UUID(bytes=owner)) == vault_id, "log of another vault"
    key = bytes.fromhex(db.execute("SELECT value FROM meta WHERE key = 'destruction_log_key'").fetchone()[0])
    plain = crypto_aead_xchacha20poly1305_ietf_decrypt(data[52:], owner, nonce, key)
    return json.loads(plain)


def main() -> None:
    if sys.argv[1] == "--backup":
        scratch = tempfile.TemporaryDirectory()
        header = unpack_backup(Path(sys.argv[2]), Path(scratch.name))
        vault = Path(scratch.name)
    else:
        header = None
        vault = Path(sys.argv[1])
    secret_line = sys.stdin.readline().rstrip("\r\n")
    ks = read_keyslots(vault)
    if "--recovery-key" in sys.argv:
        key = unwrap(ks, "recovery", decode_recovery_key(secret_line))
    else:
        user = sys.argv[sys.argv.index("--user") + 1] if "--user" in sys.argv else None
        key_file = read_key_file(sys.argv[sys.argv.index("--key-file") + 1]) if "--key-file" in sys.argv else None
        key = unwrap(ks, "password", secret_line.encode("utf-8"), user, key_file)
    db = sqlcipher3.connect(str(vault / "vault.db"))
    db.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    vault_id = db.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0]
    assert vault_id == ks["vault_id"], "keyslots belongs to another vault"
    org = db.execute("SELECT value FROM setting WHERE key = 'organisation.name'").fetchone()
    extra = {}
    if header is not None:
        assert header["vaultId"] == vault_id, "backup header names another vault"
        extra["backup_people"] = header["people"]
        extra["people"] = db.execute("SELECT count(*) FROM subject").fetchone()[0]
    if "--log" in sys.argv:
        log = open_log(Path(sys.argv[sys.argv.index("--log") + 1]), db, vault_id)
        extra["log_acts"] = len(log["acts"])
        extra["log_people"] = sum(len(a["people"]) for a in log["acts"])
    print(json.dumps({
        **extra,
        "vault_id": vault_id,
        "schema": db.execute("PRAGMA user_version").fetchone()[0],
        "users": [r[0] for r in db.execute("SELECT name FROM user WHERE removed_at IS NULL ORDER BY created_at")],
        "organisation": org[0] if org else None,
        "journal_entries": verify_journal(db),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
