"""An import or the demo killed with SIGKILL at random points: the registry is the old one or the
new one, intact, and the next job runs (the lock died with its process)."""

import random

import pytest

from tests.faults.conftest import ROUNDS, kill_at, run, simpul, snapshot, synthetic_file, timed


@pytest.mark.parametrize("job", ["import", "demo"])
def test_a_job_killed_at_any_point_leaves_the_old_or_the_new_registry(registry, tmp_path, job):
    before = snapshot(registry)
    if job == "import":
        source = synthetic_file(tmp_path / "baru.csv", 800, seed=2)
        work = ("import", str(source))
    else:
        work = ("demo", "--families", "80", "--seed", "3")
    # One whole run on a copy gives the "new" registry and how long the job takes.
    whole = tmp_path / "utuh.db"
    whole.write_bytes(registry.read_bytes())
    seconds = timed(lambda: run("--db", str(whole), *work))
    after = snapshot(whole)
    assert after.integrity == "ok" and after.counts["person"] > before.counts["person"]

    rng = random.Random(job)
    landed = False
    for _ in range(ROUNDS):
        kill_at(simpul("--db", str(registry), *work), rng.uniform(0.1, 0.95) * seconds)
        now = snapshot(registry)
        assert now.integrity == "ok"
        assert now.counts in (before.counts, after.counts)  # never half an import
        if now.counts == after.counts:  # it landed just before the kill
            landed = True
            break
    if not landed:  # the killed job's lock went with its process: the same job now runs to its end
        done = run("--db", str(registry), *work)
        assert "Traceback" not in done.stderr and "sedang berjalan" not in done.stderr, done.stderr
        assert snapshot(registry).counts == after.counts
