"""Every message key is written once: a second entry with the same key silently replaces the first
(the import report's column "Alasan" once became a sentence about monthly revisions)."""

import ast
import collections
from pathlib import Path

import desktop.core.i18n as i18n


def test_no_message_key_is_defined_twice():
    tree = ast.parse(Path(i18n.__file__).read_text(encoding="utf-8"))
    keys = [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
            for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str) and "." in k.value]
    assert [k for k, n in collections.Counter(keys).items() if n > 1] == []


def test_every_message_has_both_languages():
    for key, pair in i18n._CATALOG.items():
        assert isinstance(pair, tuple) and len(pair) == 2 and all(pair), key
