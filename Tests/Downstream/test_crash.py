"""Crash safety with the real binary: kill -9 at many moments of a run, write failures (file-size limit,
full disk), and the lock. The previous dataset must always stay whole, and the next run must complete."""
import hashlib
import io
import json
import os
import resource
import signal
import subprocess
import tarfile
import time
from pathlib import Path

import pytest

from conftest import PEEL, ROOT

CONFIG = str(ROOT / "Pipeline" / "pipeline.json")
SAMPLES = sorted((ROOT / "Tests" / "Fixtures" / "samples").iterdir())


def make_corpus(path, copies):
    """A tar.gz of `copies` distinct versions of each sample (a line appended makes each one unique)."""
    with tarfile.open(path, "w:gz") as archive:
        for copy in range(copies):
            for sample in SAMPLES:
                data = sample.read_bytes() + f"\nCopy {copy}\n".encode()
                info = tarfile.TarInfo(f"copy{copy:03d}/{sample.name}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))


def peel(inputs, output, **popen):
    args = [PEEL, "run", "--output", str(output), "--config", CONFIG, "--fail-on", "never"]
    for path in inputs:
        args += ["--input", str(path)]
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **popen)


def dataset_state(output):
    """The dataset's manifest, after checking every file is exactly the one it lists (no more, no fewer)."""
    manifest = json.loads((output / "manifest.json").read_text())
    listed = {o["path"]: o["sha256"] for o in manifest["outputs"]}
    on_disk = {str(p.relative_to(output)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in output.rglob("*") if p.is_file() and p.name != "manifest.json"}
    assert on_disk == listed, "files on disk differ from the manifest"
    return manifest


def leftovers(parent, name):
    return sorted(p.name for p in parent.iterdir() if p.name.startswith(f".{name}.") and p.name != f".{name}.lock")


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpora")
    make_corpus(base / "small.tar.gz", 2)
    make_corpus(base / "large.tar.gz", 60)
    return base


def test_kill_9_at_any_moment_leaves_a_whole_dataset(corpora, tmp_path):
    output = tmp_path / "Outputs"
    first = peel([corpora / "small.tar.gz"], output)
    assert first.wait() == 0, first.stderr.read()
    before = dataset_state(output)
    assert before["totals"]["parsed"] == 10

    started = time.monotonic()
    full = peel([corpora / "large.tar.gz"], tmp_path / "Timing")
    assert full.wait() == 0
    duration = time.monotonic() - started

    outcomes = set()
    for step in range(16):
        run = peel([corpora / "large.tar.gz"], output)
        time.sleep(duration * step / 16)
        run.send_signal(signal.SIGKILL)
        run.wait()
        state = dataset_state(output)  # whole, whichever it is
        assert state["totals"]["parsed"] in (10, 300)
        outcomes.add(state["totals"]["parsed"])
    # The kills landed both before and after the swap at least once over the run's length.
    assert 10 in outcomes

    final = peel([corpora / "large.tar.gz"], output)
    assert final.wait() == 0, final.stderr.read()
    assert dataset_state(output)["totals"]["parsed"] == 300
    assert leftovers(tmp_path, "Outputs") == []


@pytest.mark.parametrize("stop, status", [(signal.SIGTERM, 143), (signal.SIGINT, 130), (signal.SIGHUP, 129)])
def test_a_stop_signal_ends_the_run_at_once_and_leaves_nothing_beside_the_output(corpora, tmp_path, stop, status):
    output = tmp_path / "Outputs"
    assert peel([corpora / "small.tar.gz"], output).wait() == 0
    before = dataset_state(output)

    run = peel([corpora / "large.tar.gz"], output)
    # Stopped while it writes: once its staging folder stands beside the output folder.
    deadline = time.monotonic() + 60
    while not any(name.startswith(".Outputs.staging-") for name in leftovers(tmp_path, "Outputs")):
        assert run.poll() is None, "the run ended before it wrote anything"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    run.send_signal(stop)
    assert run.wait(timeout=30) == status
    log = run.stderr.read().decode()
    assert "run stopped" in log and stop.name in log
    # Its staging folder is gone (a kill -9 leaves it to the next run's sweep), and the dataset is whole: the
    # previous one, or the new one if the stop came after the swap.
    assert leftovers(tmp_path, "Outputs") == []
    assert dataset_state(output)["totals"]["parsed"] in (before["totals"]["parsed"], 300)

    final = peel([corpora / "large.tar.gz"], output)
    assert final.wait() == 0, final.stderr.read()
    assert dataset_state(output)["totals"]["parsed"] == 300


def children(pid):
    found = []
    for task in (Path("/proc") / str(pid) / "task").iterdir():
        try:
            found += (task / "children").read_text().split()
        except OSError:
            pass
    return found


def test_ctrl_c_while_pdfs_are_read_says_only_that_the_run_stopped(tmp_path):
    """Ctrl-C reaches the terminal's whole process group: pdftotext is ended by it as peel is. Those children were
    logged as PDFs that crashed pdftotext, and quarantined, before the run stopped; now the run says it stopped, and
    nothing else. Tried several times, as the children and peel see the signal in either order."""
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    extractions = sorted((ROOT / "Tests" / "Fixtures" / "extractions").glob("*.pdf"))
    for copy in range(20):
        for pdf in extractions:
            # A comment after %%EOF makes each copy a PDF of its own bytes (no cache or duplicate shortcut).
            (pdfs / f"{copy:02d}-{pdf.name}").write_bytes(pdf.read_bytes() + f"% copy {copy}\n".encode())
    for attempt in range(5):
        output = tmp_path / f"out{attempt}"
        run = subprocess.Popen([PEEL, "run", "--input", str(pdfs), "--output", str(output), "--config", CONFIG],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
        deadline = time.monotonic() + 60
        while not children(run.pid):
            assert run.poll() is None, "the run ended before it started pdftotext"
            assert time.monotonic() < deadline
            time.sleep(0.001)
        # The first child is pdftotext's version probe; later attempts stop the run among the PDFs' own children.
        time.sleep(0.02 * attempt)
        os.killpg(run.pid, signal.SIGINT)
        assert run.wait(timeout=30) == 130
        log = run.stderr.read().decode()
        assert "run stopped" in log and "SIGINT" in log
        assert "crashed" not in log and "quarantined" not in log, log
        assert leftovers(tmp_path, output.name) == []


def test_a_file_size_limit_ends_the_run_with_a_clear_error_and_the_old_dataset_intact(corpora, tmp_path):
    output = tmp_path / "Outputs"
    assert peel([corpora / "small.tar.gz"], output).wait() == 0
    before = dataset_state(output)

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    run = peel([corpora / "large.tar.gz"], output, preexec_fn=limit)
    assert run.wait() == 74
    assert "writing the dataset" in run.stderr.read().decode()
    assert dataset_state(output) == before
    assert leftovers(tmp_path, "Outputs") == []


def test_a_full_disk_ends_the_run_with_a_clear_error_and_the_old_dataset_intact(corpora, tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here")
    try:
        output = disk / "Outputs"
        assert peel([corpora / "small.tar.gz"], output).wait() == 0
        before = dataset_state(output)
        run = peel([corpora / "large.tar.gz"], output)
        assert run.wait() == 74
        assert "No space left on device" in run.stderr.read().decode()
        assert dataset_state(output) == before
        assert leftovers(disk, "Outputs") == []
    finally:
        subprocess.run(["umount", str(disk)])


def test_a_second_run_exits_75_at_once_or_waits_with_wait(corpora, tmp_path):
    output = tmp_path / "Outputs"
    first = peel([corpora / "large.tar.gz"], output)
    time.sleep(0.05)
    second = peel([corpora / "small.tar.gz"], output)
    second_status = second.wait()
    assert first.wait() == 0
    assert second_status == 75
    assert b"another peel run is writing" in second.stderr.read()
    assert dataset_state(output)["totals"]["parsed"] == 300

    first = peel([corpora / "large.tar.gz"], output)
    time.sleep(0.05)
    waiter = subprocess.Popen([PEEL, "run", "--output", str(output), "--config", CONFIG, "--fail-on", "never", "--wait",
                               "--input", str(corpora / "small.tar.gz")], stderr=subprocess.PIPE)
    assert first.wait() == 0
    assert waiter.wait() == 0
    assert dataset_state(output)["totals"]["parsed"] == 10


def run_with_stderr_closed(input_folder, out):
    """Runs peel with -v, reads its first log line, closes stderr (every later line meets EPIPE) and returns how the
    run ended and its manifest."""
    process = subprocess.Popen([PEEL, "run", "--input", str(input_folder), "--output", str(out), "--config", CONFIG, "-v"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    process.stderr.readline()
    process.stderr.close()
    status = process.wait(timeout=120)
    return status, json.loads((out / "manifest.json").read_text())


def test_a_closed_stderr_does_not_stop_a_run_over_text(tmp_path):
    """`peel run … 2>&1 | head -1` over text alone (no child process is ever started): the log reader goes away,
    and the run, which ignores SIGPIPE, carries on and writes its dataset."""
    status, manifest = run_with_stderr_closed(ROOT / "Inputs", tmp_path / "out")
    assert status == 3
    assert manifest["totals"]["parsed"] == 5


def test_a_closed_stderr_does_not_stop_a_run_with_pdfs(tmp_path):
    """`peel run … 2>&1 | head -1`: the log reader goes away. The run (which ignores SIGPIPE) carries on, through
    the pdftotext children, and writes its dataset."""
    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for pdf in sorted((ROOT / "Tests" / "Fixtures" / "extractions").glob("*.pdf")):
        (pdfs / pdf.name).write_bytes(pdf.read_bytes())
    status, manifest = run_with_stderr_closed(pdfs, tmp_path / "out")
    assert status == 3
    assert manifest["totals"]["parsed"] == 5
