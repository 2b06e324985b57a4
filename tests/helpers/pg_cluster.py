"""A PostgreSQL cluster of a test's (or a benchmark's) own, which it may stop and start:
``initdb`` into a temporary folder, ``pg_ctl`` on a free port. As root, the cluster belongs to the
``postgres`` user (``runuser``), as ``initdb`` refuses to run as root. Never the shared server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _find_pg_bin() -> Path | None:
    candidates = [os.environ.get("HELPDESK_PG_BIN", ""), "/usr/lib/postgresql/15/bin"]
    found = shutil.which("pg_ctl")
    if found:
        candidates.append(str(Path(found).parent))
    candidates += sorted((str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    return None


PG_BIN = _find_pg_bin()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateServer:
    """A PostgreSQL cluster that only these tests use, so they may stop it."""

    def __init__(self, bin_dir: Path):
        self.bin = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="helpdesk-outage-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        # initdb refuses to run as root: as root, the cluster belongs to the postgres user.
        self.as_owner = ["runuser", "-u", "postgres", "--"] if getattr(os, "geteuid", lambda: 1)() == 0 else []
        if self.as_owner:
            shutil.chown(self.folder, "postgres", "postgres")
        self.running = False

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_owner, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        if os.name == "posix":  # its socket file in its own folder, not in /var/run/postgresql
            options += f" -k {self.folder}"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        )
        self.running = True

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.running = False

    def drop_connection(self, database) -> None:
        """The server ends ``database``'s connection, as a restart or a network cut would."""
        import psycopg2

        pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        other = psycopg2.connect(self.url)
        try:
            other.autocommit = True
            other.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
        finally:
            other.close()

    def remove(self) -> None:
        if self.running:
            try:
                self.stop()
            except subprocess.SubprocessError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
