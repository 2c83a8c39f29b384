"""Sub-commands of `simpul` beyond the registry's own (which live in `desktop.cli`), one module per
area. Each module has `add_parsers(sub, id_) -> {name: handler}`: `sub` is argparse's sub-parser
collection, `id_` whether the help speaks Indonesian; a handler takes the parsed arguments and
returns the exit status. No Qt is imported here."""

from __future__ import annotations

import importlib

# Listed, not discovered: the installer freezes exactly these modules.
MODULES: tuple[str, ...] = ("backup", "crypto", "exports", "imports", "reports", "signing", "users", "verivali")


def add_all(sub, id_: bool) -> dict:
    handlers: dict = {}
    for name in MODULES:
        handlers.update(importlib.import_module(f"desktop.commands.{name}").add_parsers(sub, id_))
    return handlers
