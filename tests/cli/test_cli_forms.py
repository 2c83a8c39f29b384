"""The command forms the issues name: `list activities|visits`, `export bnba ROUND OUT.xlsx`."""

import json

from desktop.cli import main
from tests.conftest import filled_db


def test_list_activities_and_visits_and_the_bnba_by_round(request, tmp_path, capsys):
    db = filled_db(request, str(tmp_path / "kantor.db"), 40, seed=6)
    path = str(db.file)
    assert main(["--db", path, "list", "activities", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)  # the demo's year of PSKS work
    assert main(["--db", path, "list", "visits", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["--db", path, "export", "bnba", "1", str(tmp_path / "usulan.xlsx")]) == 0
    assert (tmp_path / "usulan.xlsx").exists()
    assert main(["--db", path, "export", "persons", str(tmp_path / "a.xlsx"), str(tmp_path / "b.xlsx")]) == 1
    assert "satu berkas" in capsys.readouterr().err
