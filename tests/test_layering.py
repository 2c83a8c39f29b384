"""Qt may only be imported under desktop/gui/: the core and the CLI must run without a display."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import desktop

ROOT = Path(desktop.__file__).resolve().parent
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.M)


def test_core_and_cli_import_without_pyside6():
    modules = ["desktop.cli"] + [
        m.name for m in pkgutil.walk_packages([str(ROOT / "core")], prefix="desktop.core.")
        if ".migrations" not in m.name
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(len(sys.modules)); assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert len(modules) > 15  # the walk found the core


def test_cli_commands_run_without_pyside6(tmp_path):
    """Even with PySide6 made unimportable, init/demo/check work."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError('no Qt here')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from desktop.cli import main\n"
        f"db = {str(tmp_path / 'x.db')!r}\n"
        "assert main(['--db', db, 'init', '--kecamatan', '64.02.06']) == 0\n"
        "assert main(['--db', db, 'demo', '--families', '20']) == 0\n"
        "assert main(['--db', db, 'check']) == 0\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_no_qt_import_outside_gui():
    offenders = [str(p.relative_to(ROOT.parent)) for p in ROOT.rglob("*.py")
                 if "gui" not in p.relative_to(ROOT).parts[:1] and QT_IMPORT.search(p.read_text("utf-8"))]
    assert offenders == []


def test_gui_does_not_build_sql():
    """The GUI calls services; it never opens sessions on its own terms or writes queries."""
    pattern = re.compile(r"^\s*from sqlalchemy|^\s*import sqlalchemy", re.M)
    offenders = [p.name for p in (ROOT / "gui").rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


GUI = ROOT / "gui"
# Only the operations layer holds the database; the main window hands it over, the app opens it.
MAY_HOLD_DATABASE = {"ops.py", "main_window.py", "app.py"}
SESSION_USE = re.compile(r"\.(transaction|sessions|engine)\b|\bdb\.read\(|\bSession\(|^\s*from desktop\.core\.db\b"
                         r"|^\s*import desktop\.core\.db\b", re.M)


def test_operations_layer_is_the_only_way_to_a_session():
    offenders = []
    for path in GUI.rglob("*.py"):
        if path.relative_to(GUI).as_posix() in MAY_HOLD_DATABASE:
            continue
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if SESSION_USE.search(line):
                offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
    assert offenders == [], "\n".join(offenders)


def test_gui_compares_no_stored_word():
    """Screens compare enum members and show labels.label(member), never `== "tunai"`."""
    stored = set()
    from desktop.core.domain import enums

    for enum in vars(enums).values():
        if isinstance(enum, type) and issubclass(enum, enums.StrEnum) and enum is not enums.StrEnum:
            stored |= {m.value for m in enum}
    compare = re.compile(r"""(==|!=|\bis\b|\bin\b)\s*\(?\s*["']([^"']+)["']""")
    offenders = []
    for path in GUI.rglob("*.py"):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for _, word in compare.findall(line):
                if word in stored:
                    offenders.append(f"{path.relative_to(ROOT.parent)}:{n}: {line.strip()}")
    assert offenders == [], "\n".join(offenders)


def test_no_gui_module_is_a_gravity_well():
    long = {str(p.relative_to(ROOT.parent)): n for p in GUI.rglob("*.py")
            if (n := len(p.read_text("utf-8").splitlines())) > 420}
    assert long == {}


def test_every_enum_member_has_a_label():
    from desktop.core.domain import enums

    pytest.importorskip("PySide6")
    from desktop.gui.labels import LABELS

    shown = [e for e in vars(enums).values() if isinstance(e, type) and issubclass(e, enums.StrEnum)
             and e not in (enums.StrEnum, enums.AuditAction)]
    for enum in shown:
        assert set(LABELS.get(enum, {})) == set(enum), enum.__name__
