"""The README's two commands: as CI runs them, and with what a pyenv machine needs said before them."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
START = "python3.12 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/simpul --demo"
TESTS = 'python3.12 -m venv .venv && .venv/bin/pip install -q -e ".[test]" && .venv/bin/python -m pytest'


def test_the_two_commands_are_in_the_readme_and_ci_runs_the_test_command_verbatim():
    assert f"```sh\n{START}\n```" in README
    assert f"```sh\n{TESTS}\n```" in README
    assert (ROOT / ".ci" / "run").read_text(encoding="utf-8").rstrip().endswith(TESTS)


def test_how_to_select_python_with_pyenv_comes_before_the_commands():
    first_command = README.index(START)
    assert -1 < README.find("PYENV_VERSION=3.12") < first_command
    assert -1 < README.find("py -3.12") < README.index(TESTS) + 200
