#!/usr/bin/env python3
"""Run each try-it scenario as the reader would type it, and write what it printed.

Runs inside the lab (lab-record.service): every scenarios/NAME.sh is fed line by line
to one login shell of the user `reader` (so `cd`, variables and `echo $?` carry over
from one command to the next, as in a terminal), and out/NAME.txt gets
`$ command` followed by the command's output (stdout and stderr, as a terminal shows
them), then a blank line. Lines of a scenario starting with `#` are comments, except
`#! wait N`, a pause of N seconds where a person would be reading (a background job
starting, say), which is not recorded.
"""

from __future__ import annotations

import datetime
import os
import platform
import select
import subprocess
import sys
import time
from pathlib import Path

TIMEOUT_SECONDS = 900  # one command, under TCG emulation


def machine() -> str:
    release = dict(line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines() if "=" in line)
    version = Path("/etc/debian_version").read_text().strip()
    docker = subprocess.run(["docker", "version", "--format", "{{.Server.Version}}"], capture_output=True, text=True).stdout.strip()
    containerd = subprocess.run(["containerd", "--version"], capture_output=True, text=True).stdout.split()[2:3]
    when = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"# Recorded on the stock lab (research/lab/lab.sh): {release['PRETTY_NAME'].strip(chr(34))} {version}, "
            f"kernel {platform.release()}, Docker Engine {docker} (docker.io), containerd {''.join(containerd)}, "
            f"systemd as PID 1, cgroup v2; as the user 'reader' (groups sudo, docker); {when}.")


def record(scenario: Path, out: Path) -> None:
    shell = subprocess.Popen(["runuser", "-l", "reader"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, cwd="/home/reader")
    lines = [machine(), ""]
    started, count = time.monotonic(), 0
    for number, command in enumerate(scenario.read_text().splitlines()):
        if command.startswith("#! wait "):
            time.sleep(float(command.split()[-1]))
            continue
        if not command.strip() or command.lstrip().startswith("#"):
            continue
        sentinel = f"__lab_end_{number}__"
        shell.stdin.write(f"{command}\n__rc=$?; printf '\\n%s\\n' {sentinel}; (exit $__rc)\n".encode())
        shell.stdin.flush()
        output, buffer, deadline = [], b"", time.monotonic() + TIMEOUT_SECONDS
        while True:
            if time.monotonic() > deadline:
                output.append("[lab: no end after %d s; the shell was stopped]" % TIMEOUT_SECONDS)
                shell.kill()
                break
            ready, _, _ = select.select([shell.stdout], [], [], 1)
            if not ready:
                continue
            chunk = os.read(shell.stdout.fileno(), 65536)
            if not chunk:
                break
            buffer += chunk
            if f"\n{sentinel}\n".encode() in buffer:
                text = buffer.split(f"\n{sentinel}\n".encode())[0].decode("utf-8", "replace")
                output = text.split("\n")
                if output and output[-1] == "":
                    output.pop()  # the output's own last newline
                break
        lines += [f"$ {command}", *[line.rstrip() for line in output], ""]
        count += 1
        print(f"{scenario.name}: $ {command}", flush=True)
        if shell.poll() is not None:
            break
    shell.stdin.close()
    shell.wait(timeout=60)
    lines.append(f"# {count} commands in {time.monotonic() - started:.0f} s (TCG emulation unless LAB_ACCEL says otherwise)")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(scenarios: str, outputs: str) -> int:
    out_dir = Path(outputs)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Start once the boot has finished, as a reader does: timings taken while systemd is
    # still starting units measure the boot, not the command.
    subprocess.run(["systemctl", "is-system-running", "--wait"], capture_output=True)
    for scenario in sorted(Path(scenarios).glob("*.sh")):
        record(scenario, out_dir / f"{scenario.stem}.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
