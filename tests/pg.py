"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl on a temporary folder.

The cluster listens on a unix socket in its own folder (no TCP port), trusts local
connections, and skips fsync; it is stopped and removed when the session ends. As
root (CI, containers), it runs as the ``postgres`` user, since PostgreSQL refuses
to run as root. ``Cluster.start`` raises ``Unavailable`` with the reason when no
server can be started here (no binaries, no such user, initdb failing).
"""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


class Unavailable(Exception):
    "No PostgreSQL server can be started here"


def _binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True):
        return candidate
    raise Unavailable(f"no PostgreSQL {name} on PATH or in /usr/lib/postgresql/*/bin")


class Cluster:
    """One PostgreSQL server on a unix socket in a temporary folder."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="interlock-pg-"))
        self.data = self.root / "data"
        self.port = 5432
        self.as_user: list[str] = []
        self.started = False

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=timeout, check=False)

    def start(self) -> None:
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if os.geteuid() == 0:
            try:
                import pwd

                user = pwd.getpwnam("postgres")
            except KeyError:
                raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        done = self._run(initdb, "-D", str(self.data), "--auth=trust", "-U", "postgres", "-E", "UTF8",
                         "--locale=C.UTF-8", "--no-sync")
        if done.returncode != 0:
            raise Unavailable(f"initdb failed: {(done.stderr or done.stdout).strip()[-300:]}")
        options = (f"-c listen_addresses='' -c unix_socket_directories={self.root} -c port={self.port} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        done = self._run(pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.root / "server.log"),
                         "-w", "-t", "60", "start")
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-300:] if (self.root / "server.log").exists() else ""
            raise Unavailable(f"pg_ctl start failed: {(done.stderr or done.stdout).strip()[-200:]} {log}")
        self.started = True
        atexit.register(self.stop)  # an interrupted session stops its server too

    def address(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.root}&port={self.port}"

    def create(self, template: str | None = None, name: str | None = None) -> str:
        """A new empty database (or a copy of ``template``); its address."""
        import psycopg

        name = name or "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.address(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.address(name)

    def stop(self) -> None:
        if self.started:
            self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
