"""`python -m desktop` is the same as the `simpul` command (no arguments: the GUI)."""

from desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
