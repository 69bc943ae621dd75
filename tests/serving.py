"""Plain `mkdocs serve` on a free local port, as a writer types it.

(`python3 tasks.py serve` runs the same command after setting up .venv.)"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path


class Server:
    def __init__(self, process: subprocess.Popen, url: str) -> None:
        self.process, self.url = process, url
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line.rstrip("\n"))

    def get(self, path: str = "", timeout: float = 5) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""

    def wait_for_log(self, pattern: str, since: int = 0, timeout: float = 60) -> int:
        """Index of the first log line from `since` on that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(since, len(self.log)):
                if re.search(pattern, self.log[index]):
                    return index
            time.sleep(0.05)
        raise TimeoutError(f"no log line matched {pattern!r}:\n" + "\n".join(self.log[since:]))

    def wait_for_page(self, path: str, text: str, timeout: float = 60) -> float:
        """Seconds until the served page contains `text`."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            with contextlib.suppress(OSError):
                status, body = self.get(path)
                if status == 200 and text in body:
                    return time.monotonic() - started
            time.sleep(0.05)
        raise TimeoutError(f"{path} never contained {text!r}")


@contextlib.contextmanager
def serve(project: Path, base_path: str = "/virtualization-guide/") -> Iterator[Server]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONUNBUFFERED": "1"}
    mkdocs = project / ".venv" / "bin" / "mkdocs"
    process = subprocess.Popen(
        [str(mkdocs), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,  # mkdocs may start children (the diagram browser): stop the whole group
    )
    server = Server(process, f"http://127.0.0.1:{port}{base_path}")
    try:
        server.wait_for_log(r"Serving on http://127\.0\.0\.1")
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
