"""A full disk and a read-only registry: the job fails with a message, the registry is unchanged."""

import os
import resource
import shutil
import signal
import stat

import pytest

from tests.faults.conftest import run, snapshot, synthetic_file

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX resource limits and users")


def test_a_disk_that_fills_up_during_an_import_loses_nothing(registry, tmp_path):
    before = snapshot(registry)
    source = synthetic_file(tmp_path / "baru.csv", 800, seed=4)

    def little_room() -> None:
        # No file may be written past 256 KB: the write-ahead log, where the import's pages go
        # first, fills up long before the import ends. Without the signal ignored the kernel
        # would kill the process instead of failing its write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

    done = run("--db", str(registry), "import", str(source), preexec_fn=little_room)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "tidak tersimpan" in done.stderr and "penuh" in done.stderr, done.stderr
    after = snapshot(registry)
    assert after.integrity == "ok" and after.counts == before.counts
    # With room again, the same file imports whole.
    assert run("--db", str(registry), "import", str(source)).returncode in (0, 1)
    assert snapshot(registry).counts["person"] > before.counts["person"]


def test_a_read_only_registry_refuses_an_import_with_a_message(registry, tmp_path):
    source = synthetic_file(tmp_path / "baru.csv", 50, seed=5)
    before = snapshot(registry)
    registry.chmod(0o444)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root writes through any mode: run without the capabilities that allow it
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: a read-only mode cannot be enforced")
        prefix = (setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner")
    done = run("--db", str(registry), "import", str(source), prefix=prefix)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "hanya bisa dibaca" in done.stderr, done.stderr
    assert stat.S_IMODE(registry.stat().st_mode) == 0o444
    assert snapshot(registry).counts == before.counts
