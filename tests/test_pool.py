"""The process pool never outlives its run (issue 24, deliverable 7; issue 22, deliverable 8).

Each case runs ``newslab analyze -w 2`` (or a script) in its own session, stops it as a user
would, and checks: the command exits within 5 s with one line on stderr, no process of its
session is left, and the folder around the output is byte for byte as it was (the previous
analysis intact, no staging folder left).
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newslab as nl

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="signals and sessions are POSIX")
ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLAB_PROGRESS": "0"}


def _session(sid: int) -> list[int]:
    """Live processes of session ``sid`` (the command, its forkserver, its workers)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _checksum(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 articles: long enough on two workers that a signal arrives mid-run."""
    folder = tmp_path_factory.mktemp("corpus")
    seed = nl.load_seed_corpus()
    for i in range(300):
        article = seed[i % 2]
        (folder / f"a{i:04d}.txt").write_text(f"{article.title}\n\n{article.text}", encoding="utf-8")
    return folder


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.05)
    return False


STOPS = {
    "Ctrl-C": (["INT"], 130, "SIGINT"),
    "Ctrl-C twice": (["INT", "INT"], 130, "SIGINT"),
    "SIGTERM": (["TERM"], 143, "SIGTERM"),
    "closed terminal (SIGHUP)": (["HUP"], 129, "SIGHUP"),
    "Ctrl-C then SIGTERM": (["INT", "TERM"], 130, "SIGINT"),
}


@posix_only
@pytest.mark.parametrize("case", list(STOPS))
def test_a_stopped_run_ends_every_process_within_5_s_and_changes_nothing(
    corpus_dir: Path, tmp_path: Path, case: str
) -> None:
    signals, status, name = STOPS[case]
    out = tmp_path / "run"
    nl.analyze(nl.load_seed_corpus(), tables=["mentions"], output_dir=out)  # the previous analysis
    before = _checksum(tmp_path)
    command = [sys.executable, "-m", "newslab", "analyze", str(corpus_dir), "-o", str(out), "-w", "2", "-q"]
    proc = subprocess.Popen(command, env=ENV, start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        staging = tmp_path / ".run.newslab-staging"
        started = _wait_for(lambda: staging.is_dir() and len(_session(proc.pid)) >= 4, 60)
        assert started and proc.poll() is None, "the run ended before it could be stopped"
        time.sleep(0.5)  # the workers are busy
        stopped = time.monotonic()
        for sig in signals:
            if sig == "INT":
                os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole foreground group
            else:
                os.kill(proc.pid, getattr(signal, f"SIG{sig}"))
            time.sleep(0.2)
        proc.wait(timeout=5)
        assert _wait_for(lambda: not _session(proc.pid), 5 - (time.monotonic() - stopped)), _session(proc.pid)
    finally:
        if _session(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
    err = proc.stderr.read() if proc.stderr else ""
    line = f"newslab: stopped by {name}; outputs are swapped in only when complete, so none changed"
    assert proc.returncode == status  # a second signal, even while Python exits, changes nothing
    assert err.strip().splitlines() == [line]
    assert _checksum(tmp_path) == before


@posix_only
def test_workers_and_forkserver_exit_when_the_main_process_is_killed(corpus_dir: Path, tmp_path: Path) -> None:
    command = [sys.executable, "-m", "newslab", "analyze", str(corpus_dir), "-o", str(tmp_path / "run"), "-w", "2"]
    proc = subprocess.Popen(command, env=ENV, start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: len(_session(proc.pid)) >= 4, 60)
        proc.kill()
        proc.wait(timeout=5)
        assert _wait_for(lambda: not _session(proc.pid), 5), _session(proc.pid)
    finally:
        if _session(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    with pytest.warns(nl.NewslabWarning, match="replacing the partial analysis"):  # the next run recovers
        nl.analyze(nl.load_seed_corpus(), tables=["mentions"], output_dir=tmp_path / "run")


INTERRUPT_SCRIPT = """
import multiprocessing, os, signal, sys, threading, time
import newslab as nl
hit = {}
def interrupt():
    while len(multiprocessing.active_children()) < 2:  # both workers started
        time.sleep(0.05)
    time.sleep(float(sys.argv[2]))  # and busy
    hit["at"] = time.monotonic()
    os.kill(os.getpid(), signal.SIGINT)  # what Jupyter's interrupt button does to the kernel
threading.Thread(target=interrupt, daemon=True).start()
try:
    nl.analyze(list(nl.load_corpus(sys.argv[1])) * 4, workers=2, progress=False, chunk_size=20)
    print("finished before the interrupt")
except KeyboardInterrupt:
    print(f"{time.monotonic() - hit['at']:.3f}")
"""


#: Seconds from Ctrl-C to the KeyboardInterrupt in the user's code. Idle, it takes 0.01-0.06 s; on a machine
#: loaded 5x over its cores it took up to about 1 s. The script's 1,200 articles (the corpus four times) take
#: about 10 s of CPU per worker, so a run that let the work finish before stopping takes far longer.
INTERRUPT_LIMIT = 2.0


@posix_only
def test_an_interrupt_takes_effect_at_once_and_exits_cleanly(corpus_dir: Path, tmp_path: Path) -> None:
    script = tmp_path / "interrupt.py"
    script.write_text(INTERRUPT_SCRIPT)
    proc = subprocess.run(
        [sys.executable, str(script), str(corpus_dir), "1"], env=ENV, capture_output=True, text=True, timeout=90,
        start_new_session=True,
    )  # fmt: skip
    assert "finished" not in proc.stdout, "the corpus was analyzed before the interrupt"
    assert float(proc.stdout.strip()) < INTERRUPT_LIMIT, proc.stdout + proc.stderr
    # Nothing printed at exit (CPython's executor exit hook could write to a pipe its manager thread closed).
    assert "Exception ignored" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


PLAIN_SCRIPT = """
import newslab as nl
print("top-level code ran")
a = nl.analyze(nl.load_seed_corpus(), workers=2, chunk_size=1, progress=False, tables=["mentions"])
print(len(a.articles), "articles")
"""

NEEDS_SCRIPT = """
import newslab as nl
class Cues(dict):  # defined in the script: the workers need the script itself
    pass
options = nl.AnalysisOptions(lexicon=Cues({"good": 1.0}))
nl.analyze(nl.load_seed_corpus(), workers=2, progress=False, options=options)
"""


@posix_only
def test_a_plain_script_without_a_main_guard_works(tmp_path: Path) -> None:
    script = tmp_path / "plain.py"
    script.write_text(PLAIN_SCRIPT)
    proc = subprocess.run([sys.executable, str(script)], env=ENV, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["top-level code ran", "2 articles"]  # run once, not once per worker


@posix_only
def test_a_script_whose_job_needs_the_script_fails_before_any_work_with_the_fix(tmp_path: Path) -> None:
    script = tmp_path / "needs.py"
    script.write_text(NEEDS_SCRIPT)
    proc = subprocess.run([sys.executable, str(script)], env=ENV, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 1
    assert 'if __name__ == "__main__":' in proc.stderr and "ParameterError" in proc.stderr
    assert "BrokenProcessPool" not in proc.stderr


def test_the_guard_fix_is_two_lines() -> None:
    from newslab.pool import GUARD_FIX

    code = [line for line in GUARD_FIX.splitlines() if line.startswith("    ")]
    assert code == ['    if __name__ == "__main__":', "        main()  # your code, moved into a function"]
    assert textwrap.dedent("\n".join(code)).startswith("if __name__")


@posix_only
def test_a_result_cut_off_by_a_killed_worker_does_not_keep_the_manager_thread_waiting() -> None:
    """The executor's manager thread blocked on half a result message ends once this process's write end closes."""
    import multiprocessing
    import struct
    import threading
    from types import SimpleNamespace

    from newslab.pool import _end_manager_thread

    reader, writer = multiprocessing.Pipe(duplex=False)
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)  # a header for 1,000 bytes, then 10 of them
    seen: list[str] = []

    def manager() -> None:
        try:
            reader.recv_bytes()
        except (EOFError, OSError) as err:  # "got end of file during message"
            seen.append(type(err).__name__)

    thread = threading.Thread(target=manager, daemon=True)
    thread.start()
    assert not _wait_for(lambda: not thread.is_alive(), 0.3)  # waiting for the rest of the message
    _end_manager_thread(thread, SimpleNamespace(_writer=writer))
    assert not thread.is_alive() and seen == ["OSError"]


EARLY_INTERRUPT_SCRIPT = """
import os, signal, sys, threading, time
from newslab.pool import run_pool

def slow(task, job):
    time.sleep(0.2)
    return [task]

if __name__ == "__main__":
    def interrupt():
        time.sleep(0.05)  # while the forkserver starts the first worker
        os.kill(os.getpid(), signal.SIGINT)
    threading.Thread(target=interrupt, daemon=True).start()
    try:
        for _ in run_pool(iter([[i] for i in range(40)]), slow, None, workers=2, task_size=None):
            pass
        print("finished")
    except KeyboardInterrupt:
        print("interrupted")
"""


@posix_only
def test_an_interrupt_while_a_worker_starts_stops_the_run_without_a_traceback(tmp_path: Path) -> None:
    # Before the deferral, the worker being started was never registered nor stopped, and it printed a
    # FileNotFoundError traceback (the run's semaphores were gone) in 12 of 12 runs.
    script = tmp_path / "early.py"
    script.write_text(EARLY_INTERRUPT_SCRIPT)
    proc = subprocess.run([sys.executable, str(script)], env=ENV, capture_output=True, text=True, timeout=90)
    assert proc.stdout.strip() == "interrupted", proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
