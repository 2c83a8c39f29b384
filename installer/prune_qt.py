"""Remove the parts of PySide6-Essentials that Simpul never loads, and prove the rest still links.

PySide6-Essentials ships Qt Quick/QML, Designer, Help and the developer tools (designer.exe,
qmlls.exe...). Simpul is a widgets application, so they are dead weight on an office PC. After
pruning, every DLL/PYD left is checked: each Qt DLL it imports must still be there; a plugin that
lost its dependencies is removed with it, a module Simpul needs that lost one fails the build.

Usage: python prune_qt.py PKGS_DIR   (the pynsist build's pkgs folder; needs `pefile`)
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pefile

DROP_DIRS = ("qml", "include", "metatypes", "typesystems", "glue", "doc",
             "plugins/qmltooling", "plugins/designer", "plugins/qmllint", "plugins/qmlls")
DROP_FILE = re.compile(
    r"""^(
        .*\.exe | .*\.lib
      | Qt6(Quick|Qml|Designer|Help|LabsStyleKit|LanguageServer|JsonRpc|ShaderTools|QuickTest)\w*\.dll
      | Qt(Quick|Qml|Designer|Help|LabsStyleKit|UiTools|QuickControls2|QuickWidgets|QuickTest)\w*\.(pyd|pyi)
      | pyside6qml\.abi3\.dll
    )$""", re.X | re.I)
KEEP_TRANSLATION = re.compile(r"^qt(base)?_[a-z_]+\.qm$", re.I)
NEEDED = ("QtCore.pyd", "QtGui.pyd", "QtWidgets.pyd", "QtSvg.pyd", "QtPrintSupport.pyd", "QtNetwork.pyd",
          "QtPdf.pyd", "QtPdfWidgets.pyd", "plugins/platforms/qwindows.dll", "plugins/platforms/qoffscreen.dll")


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def imports(binary: Path) -> list[str]:
    pe = pefile.PE(str(binary), fast_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]])
    return [entry.dll.decode().lower() for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", [])]


def prune(pkgs: Path) -> None:
    qt = pkgs / "PySide6"
    before = size_mb(qt)
    for name in DROP_DIRS:
        shutil.rmtree(qt / name, ignore_errors=True)
    for f in list(qt.iterdir()):
        if f.is_file() and DROP_FILE.match(f.name):
            f.unlink()
    for f in list((qt / "translations").glob("*")):
        if not KEEP_TRANSLATION.match(f.name):
            f.unlink()
    # Link check: Qt, PySide and shiboken DLLs must resolve inside the package folders.
    local = {p.name.lower() for d in (qt, pkgs / "shiboken6") if d.exists() for p in d.iterdir()}
    ours = re.compile(r"^(qt6|pyside6|shiboken6)", re.I)
    changed = True
    while changed:
        changed = False
        for binary in [*qt.rglob("*.dll"), *qt.rglob("*.pyd")]:
            missing = [d for d in imports(binary) if ours.match(d) and d not in local]
            if not missing:
                continue
            rel = binary.relative_to(qt).as_posix()
            if rel in NEEDED:
                sys.exit(f"prune_qt: {rel} needs {missing}, which were removed")
            binary.unlink()
            local.discard(binary.name.lower())
            print(f"  removed {rel} (needed {', '.join(missing)})")
            changed = True
    for rel in NEEDED:
        if not (qt / rel).exists() and not rel.startswith("QtPdf"):
            sys.exit(f"prune_qt: {rel} is missing")
    print(f"PySide6: {before:.0f} MB -> {size_mb(qt):.0f} MB")


if __name__ == "__main__":
    prune(Path(sys.argv[1]))
