"""The installed app's start-up against a bare PySide6 window (issue 17: within 1.5x).

    python benchmarks/startup_frozen.py --db PATH [--app /opt/helpdesk/helpdesk] [--repeat 9]

``--app`` is the frozen app: the installed one, or the one-folder build in dist/helpdesk/ (the
default, made by ``python packaging/build.py``). Each run starts it on ``--db`` (offscreen) and
waits for its log file: the app opens it right after the main window's first paint
(``ui.app.run``), so the file appearing is the window shown, seen from outside without a probe
inside the app. The bare side is ``startup_probe.py bare``: an empty PySide6 QMainWindow in plain
Python, to its first paint. Both run in the same scratch home (fontconfig's cache warm, like a
person's), interleaved, after one warm-up each. Median and p95 of each, and the ratio of medians.
Also printed: the size of the app's folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from report import emit  # noqa: E402

PROBE = HERE / "startup_probe.py"
TIMEOUT = 60.0


def scratch_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "share"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def time_frozen(app: Path, target: str, env: dict) -> float:
    """Seconds from starting the installed app to its main window's first paint (its log file opened)."""
    log_folder = Path(env["XDG_STATE_HOME"]) / "helpdesk" / "log"
    shutil.rmtree(log_folder, ignore_errors=True)
    marker = log_folder / "helpdesk.log"
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(app), "--db", target], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while not marker.exists():
            if process.poll() is not None:
                raise SystemExit(f"{app} exited ({process.returncode}) before its window was shown")
            if time.perf_counter() - started > TIMEOUT:
                raise SystemExit(f"{app} showed no window in {TIMEOUT:.0f} s")
            time.sleep(0.002)
        return time.perf_counter() - started
    finally:
        process.kill()
        process.wait()


def time_bare(env: dict) -> float:
    """Seconds from starting plain Python to an empty PySide6 window's first paint."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), "bare"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    for line in process.stdout:
        if line.strip() == "shown":
            shown = time.perf_counter() - started
            break
    else:
        raise SystemExit("the bare window was never shown")
    process.wait(timeout=TIMEOUT)
    return shown


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def measure(app: Path, target: str, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="helpdesk-frozen-") as scratch:
        env = scratch_env(Path(scratch))
        # A database made and migrated once, so every run opens the same one.
        time_frozen(app, target, env)
        time_bare(env)
        frozen, bare = [], []
        for _ in range(repeat):
            bare.append(time_bare(env))
            frozen.append(time_frozen(app, target, env))
    frozen_s, bare_s = statistics.median(frozen), statistics.median(bare)
    emit("startup_frozen_bare_median", bare_s, "s", None, True)
    emit("startup_frozen_bare_p95", p95(bare), "s", None, True)
    emit("startup_frozen_main_window_median", frozen_s, "s", round(1.5 * bare_s, 3), frozen_s <= 1.5 * bare_s)
    emit("startup_frozen_main_window_p95", p95(frozen), "s", None, True)
    emit("startup_frozen_ratio_to_bare", frozen_s / bare_s, "x", 1.5, frozen_s / bare_s <= 1.5)
    emit("frozen_app_folder_size", folder_size(app.parent) / 1e6, "MB", None, True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, metavar="PATH_OR_URL")
    parser.add_argument(
        "--app",
        type=Path,
        default=ROOT / "dist" / "helpdesk" / "helpdesk",
        help="the frozen app (default: dist/helpdesk/helpdesk, from packaging/build.py)",
    )
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    if not args.app.exists():
        raise SystemExit(f"{args.app} does not exist: build it with python packaging/build.py")
    measure(args.app, args.db, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
