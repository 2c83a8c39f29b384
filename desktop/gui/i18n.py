"""GUI texts: written in Bahasa Indonesia in the code, translated to English by Qt's translator
from resources/translations/simpul_<lang>.ts, compiled to .qm by Qt's lrelease during the build
(or, in a development checkout, on first use into the user's cache).

`python -m desktop.gui.i18n` refreshes the .ts files from every tr("...") in desktop/gui."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.core import i18n as core_i18n
from desktop.core.resources import resource_path

CONTEXT = "Simpul"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
GUI_DIR = Path(__file__).resolve().parent


def tr(text: str) -> str:
    """The text in the user's language (the source text is Indonesian)."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:  # noqa: N802 - the gettext convention for "mark now, translate later"
    """Marks a text for the catalogue where it is defined (a constant); tr() it where shown."""
    return text


def saved_language() -> str:
    lang = os.environ.get("SIMPUL_LANG") or QSettings().value("language", "id")
    return lang if lang in LANGUAGES else "id"


def save_language(lang: str) -> None:
    QSettings().setValue("language", lang)


def ts_path(lang: str, name: str = "simpul") -> Path:
    return resource_path("translations", f"{name}_{lang}.ts")


def qm_path(lang: str, name: str = "simpul") -> Path:
    """The compiled catalogue: shipped beside the .ts by the build, else compiled into the cache."""
    source = ts_path(lang, name)
    shipped = source.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    from desktop.core.paths import data_dir

    cached = data_dir() / "cache" / shipped.name
    if not cached.exists() or cached.stat().st_mtime < source.stat().st_mtime:
        compile_ts(source, cached)
    return cached


def lrelease() -> list[str]:
    exe = shutil.which("pyside6-lrelease")
    if exe:
        return [exe]
    return [sys.executable, "-c", "from PySide6.scripts.pyside_tool import lrelease; lrelease()"]


def compile_ts(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([*lrelease(), "-silent", str(source), "-qm", str(target)], check=True)
    return target


def install(app: QCoreApplication, lang: str) -> None:
    """Load the GUI's and Qt's own catalogues for `lang`; the core's messages follow too."""
    core_i18n.set_language(lang)
    if lang == "id":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        # Qt ships no Indonesian catalogue: our own covers the standard buttons (Ya/Tidak, Batal...).
        buttons = QTranslator(app)
        if buttons.load(str(qm_path("id", "qt"))):
            app.installTranslator(buttons)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        ours = QTranslator(app)
        if ours.load(str(qm_path(lang))):
            app.installTranslator(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


# ---- keeping the .ts files current ----------------------------------------------------------

def source_texts() -> list[str]:
    """Every literal passed to tr(...) or N_(...) in the GUI package, in order of first appearance."""
    seen: dict[str, None] = {}
    for path in sorted(GUI_DIR.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "N_")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                seen.setdefault(node.args[0].value, None)
    return list(seen)


def read_ts(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            out[message.findtext("source") or ""] = translation.text
    return out


def write_ts(path: Path, lang: str, texts: list[str], translations: dict[str, str]) -> int:
    """Write the catalogue; returns how many texts still lack a translation."""
    root = ET.Element("TS", version="2.1", language={"en": "en_GB"}.get(lang, lang), sourcelanguage="id_ID")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    missing = 0
    for text in texts:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text in translations:
            translation.text = translations[text]
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    + ET.tostring(root, encoding="unicode") + "\n", "utf-8")
    return missing


def update_catalogues() -> None:
    texts = source_texts()
    for lang in LANGUAGES:
        if lang == "id":
            continue
        missing = write_ts(ts_path(lang), lang, texts, read_ts(ts_path(lang)))
        print(f"{ts_path(lang)}: {len(texts)} texts, {missing} without a translation")


if __name__ == "__main__":
    update_catalogues()
