"""``evidence keygen`` and the key options of ``export --sign`` and ``verify --key``: key files
made safely, refusals that write nothing, and signatures that standard tools (openssl) accept."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest

from cli.support import assert_refused, invoke

CITY = [
    ("site", "add", "smpn-6", "--kind", "school", "--name", "SMP Negeri 6", "--date", "2025-01-02"),
    ("waste", "record", "smpn-6", "--category", "plastik", "--kg", "12.5", "--destination", "daur-ulang", "--date", "2025-02-03"),
]


def keygen(db: str, path) -> object:
    return invoke(db, "evidence", "keygen", "--out", str(path))


def test_keygen_writes_a_private_key_for_its_owner_only_and_the_public_key_beside_it(sqlite_db, tmp_path):
    run = keygen(sqlite_db, tmp_path / "dlh-2025")

    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert "key pair written" in run.stderr
    private, public = tmp_path / "dlh-2025", tmp_path / "dlh-2025.pub"
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(public).st_mode) == 0o644
    assert private.read_text().startswith("-----BEGIN PRIVATE KEY-----\n")
    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----\n")
    assert not os.path.exists(sqlite_db)  # no store is needed, none is made
    if shutil.which("openssl"):
        text = subprocess.run(["openssl", "pkey", "-in", str(private), "-noout", "-text"], capture_output=True, text=True)
        assert text.returncode == 0 and text.stdout.startswith("ED25519 Private-Key:")


@pytest.mark.parametrize("existing", ["KEY", "KEY.pub"])
def test_keygen_never_overwrites_a_key(sqlite_db, tmp_path, existing):
    path = tmp_path / "dlh"
    (tmp_path / existing.replace("KEY", "dlh")).write_text("an older key\n")
    before = {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)}

    run = keygen(sqlite_db, path)

    assert_refused(run, "--out")
    assert "exists: refusing to overwrite a key" in run.stderr
    assert {name: (tmp_path / name).read_bytes() for name in os.listdir(tmp_path)} == before


def test_keygen_never_writes_through_a_symlink(sqlite_db, tmp_path):
    target = tmp_path / "elsewhere"
    (tmp_path / "dlh").symlink_to(target)  # a dangling link where the key should go

    run = keygen(sqlite_db, tmp_path / "dlh")

    assert_refused(run, "--out")
    assert not target.exists() and not (tmp_path / "dlh.pub").exists()


def test_keygen_into_a_missing_folder_is_refused(sqlite_db, tmp_path):
    run = keygen(sqlite_db, tmp_path / "nowhere" / "dlh")
    assert_refused(run, "--out")
    assert "cannot be written (No such file or directory)" in run.stderr


def test_export_with_a_key_that_is_not_a_private_key_is_refused_writing_nothing(sqlite_db, tmp_path):
    for args in CITY:
        assert invoke(sqlite_db, *args).exit_code == 0
    assert keygen(sqlite_db, tmp_path / "dlh").exit_code == 0
    (tmp_path / "junk").write_text("not a key\n")
    out = tmp_path / "pack"

    for key, why in ((tmp_path / "dlh.pub", "not a PEM private key"), (tmp_path / "junk", "not a PEM private key"),
                     (tmp_path / "missing", "No such file or directory")):
        run = invoke(sqlite_db, "evidence", "export", "--year", "2025", "--out", str(out), "--sign", str(key))
        assert_refused(run, "--sign")
        assert why in run.stderr
        assert not out.exists()


def test_verify_with_a_key_that_is_not_a_public_key_is_refused(sqlite_db, tmp_path):
    for args in CITY:
        assert invoke(sqlite_db, *args).exit_code == 0
    assert keygen(sqlite_db, tmp_path / "dlh").exit_code == 0
    out = tmp_path / "pack"
    assert invoke(sqlite_db, "evidence", "export", "--year", "2025", "--out", str(out), "--sign", str(tmp_path / "dlh")).exit_code == 0

    run = invoke(sqlite_db, "evidence", "verify", str(out), "--key", str(tmp_path / "dlh"))  # the private half

    assert_refused(run, "--key")
    assert "not a PEM public key" in run.stderr


@pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is not installed: the standard-tool check is skipped")
def test_a_signed_manifest_verifies_with_openssl_and_a_changed_one_does_not(sqlite_db, tmp_path):
    for args in CITY:
        assert invoke(sqlite_db, *args).exit_code == 0
    assert keygen(sqlite_db, tmp_path / "dlh").exit_code == 0
    out = tmp_path / "pack"
    run = invoke(sqlite_db, "evidence", "export", "--year", "2025", "--out", str(out), "--sign", str(tmp_path / "dlh"))
    assert run.exit_code == 0, run.stderr
    assert f"manifest signed with key " in run.stderr
    assert len((out / "manifest.sig").read_bytes()) == 64  # a raw Ed25519 signature

    def openssl_verify(manifest) -> int:
        return subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(tmp_path / "dlh.pub"), "-rawin",
             "-in", str(manifest), "-sigfile", str(out / "manifest.sig")],
            capture_output=True,
        ).returncode

    assert openssl_verify(out / "manifest.json") == 0
    changed = tmp_path / "changed.json"
    changed.write_bytes((out / "manifest.json").read_bytes().replace(b'"lang": "en"', b'"lang": "id"'))
    assert openssl_verify(changed) != 0
    # the key the manifest names is the SHA-256 of the DER public key, as openssl prints it
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(tmp_path / "dlh.pub"), "-outform", "DER"],
                         capture_output=True, check=True).stdout
    import hashlib
    import json

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["signature"] == {
        "algorithm": "Ed25519", "file": "manifest.sig", "public_key_sha256": hashlib.sha256(der).hexdigest(),
    }
