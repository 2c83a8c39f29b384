"""The Qt-free core: domain rules, database, services and file input/output.

Nothing below this package may import PySide6 (tests/test_layering.py checks it), so the CLI,
the tests and batch jobs run without a display.
"""
