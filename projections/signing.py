"""Signed evidence packs: an Ed25519 key pair, and a signature over the bytes of ``manifest.json``.

- ``evidence keygen --out KEY`` writes the private key to ``KEY`` (PKCS #8 PEM, unencrypted, file
  mode 0600) and the public key to ``KEY.pub`` (SubjectPublicKeyInfo PEM, mode 0644); neither file
  may exist before, and neither is ever written through a symbolic link.
- ``evidence export --sign KEY`` signs the exact bytes of ``manifest.json`` as written and puts
  the 64-byte raw Ed25519 signature in ``manifest.sig`` beside it. The manifest names the key in
  ``signature.public_key_sha256``: the SHA-256 of the public key in DER form (what
  ``openssl pkey -pubin -in KEY.pub -outform DER | sha256sum`` prints).
- Anyone can check it without envtrack:
  ``openssl pkeyutl -verify -pubin -inkey KEY.pub -rawin -in manifest.json -sigfile manifest.sig``.

Key files that cannot be read as Ed25519 keys raise ``KeyFileError``, naming why.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

ALGORITHM = "Ed25519"
PRIVATE_MODE = 0o600
PUBLIC_MODE = 0o644


class KeyFileError(Exception):
    """A key file that cannot be read, or is not an Ed25519 key of the kind asked for."""


def public_path(private: Path) -> Path:
    return private.with_name(private.name + ".pub")


def _create(path: Path, data: bytes, mode: int) -> None:
    """A new file holding ``data``: refused (FileExistsError) if anything, a symlink included,
    is already there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    try:
        os.fchmod(fd, mode)  # whatever the umask
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def generate(private: Path) -> Path:
    """A new key pair at ``private`` and ``private.pub``; returns the public key's path. Raises
    FileExistsError when either exists (nothing written), OSError when it cannot be written
    (nothing left behind)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    public = public_path(private)
    for path in (private, public):
        if os.path.lexists(path):
            raise FileExistsError(path)
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    _create(private, private_pem, PRIVATE_MODE)
    try:
        _create(public, public_pem, PUBLIC_MODE)
    except BaseException:
        os.unlink(private)
        raise
    return public


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise KeyFileError(error.strerror or str(error)) from None


def load_private(path: Path) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(_read(path), password=None)
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"not a PEM private key without a passphrase ({error})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"a {type(key).__name__.removeprefix('_')} key, not an Ed25519 private key")
    return key


def load_public(path: Path) -> Any:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(_read(path))
    except (ValueError, TypeError) as error:
        raise KeyFileError(f"not a PEM public key ({error})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"a {type(key).__name__.removeprefix('_')} key, not an Ed25519 public key")
    return key


def key_id(public_key: Any) -> str:
    """SHA-256 of the public key's DER SubjectPublicKeyInfo, in hex."""
    from cryptography.hazmat.primitives import serialization

    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def sign(private_key: Any, data: bytes) -> bytes:
    return private_key.sign(data)


def is_valid(public_key: Any, data: bytes, signature: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        return False
    return True
