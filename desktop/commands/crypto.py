"""`simpul encrypt`, `unlock` and `recovery-key`: encryption at rest (desktop.core.db.cipher).

`encrypt` converts a registry made before encryption came; `unlock` registers a registry's key on
this computer from its recovery key (a new PC, Windows reinstalled); `recovery-key` shows the
recovery key of the registry again, to an Admin, and records that it was shown."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.commands.common import EXIT_OK, with_db
from desktop.core.errors import SimpulError
from desktop.core.i18n import t


def add_parsers(sub, id_: bool) -> dict:
    sub.add_parser("encrypt", help=(
        "enkripsi basis data lama (SQLite) di tempat; cadangan dibuat dulu dan ikut dienkripsi" if id_ else
        "encrypt an older (SQLite) database in place; a backup is made first and encrypted too"))
    p = sub.add_parser("unlock", help=(
        "daftarkan kunci basis data di komputer ini dengan kunci pemulihannya" if id_ else
        "register the database's key on this computer from its recovery key"))
    p.add_argument("--recovery-key-file", metavar="BERKAS" if id_ else "FILE", help=(
        "berkas berisi kunci pemulihan; tanpa ini ditanyakan" if id_ else
        "file holding the recovery key; asked for when missing"))
    sub.add_parser("recovery-key", help=(
        "tampilkan lagi kunci pemulihan basis data (dicatat di jejak audit)" if id_ else
        "show the database's recovery key again (recorded in the audit trail)"))
    return {"encrypt": cmd_encrypt, "unlock": cmd_unlock, "recovery-key": cmd_recovery_key}


def cmd_encrypt(args) -> int:
    from desktop.core.services import encryption

    result = with_db(args, encryption.encrypt_registry, current=False)
    for line in result.lines():
        print(line)
    print(t("cipher.recovery_key", key=result.recovery_key))
    return EXIT_OK


def cmd_unlock(args) -> int:
    from desktop.core.db.engine import resolve_url
    from desktop.core.services import encryption

    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise SimpulError("cipher.sqlite_only")
    print(encryption.unlock(Path(url.database), _recovery_text(args.recovery_key_file)))
    return EXIT_OK


def _recovery_text(path: str | None) -> str:
    if path:
        try:
            return Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise SimpulError("cli.file_error", path=path, reason=exc.strerror or exc) from None
    if not sys.stdin.isatty():
        raise SimpulError("cipher.recovery_file_needed")
    import getpass

    return getpass.getpass(t("cipher.recovery_prompt"))  # a secret: not echoed


def cmd_recovery_key(args) -> int:
    from desktop.core.services import encryption

    print(t("cipher.recovery_key", key=with_db(args, encryption.reveal_recovery_key)))
    return EXIT_OK
