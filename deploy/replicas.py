"""Run the dashboard as several replicas behind nginx, on this machine: ``make serve-replicas``.

Starts N ``streamlit run app.py`` processes on consecutive ports and Debian's nginx in front of them
(deploy/nginx.conf.template: sticky sessions by cookie, websocket upgrades, failover to the other
replicas). Ctrl-C stops everything. Used by the replica-loss benchmark too (benchmarks/replica_loss.py).

    .venv/bin/python deploy/replicas.py [--replicas 2] [--port 8600]
"""

from __future__ import annotations

import argparse
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def static_files() -> Path:
    """The folder of Streamlit's frontend files the replicas serve under /static/ (the proxy serves them)."""
    import streamlit

    return Path(streamlit.__file__).parent / "static" / "static"


def nginx_config(directory: Path, port: int, replica_ports: list[int]) -> str:
    routes = [f"r{i}" for i in range(len(replica_ports))]
    share = 100.0 / len(routes)
    split = " ".join(f"{share:.4g}% {r};" for r in routes[:-1]) + f" * {routes[-1]};"
    upstreams = []
    for i, own in enumerate(replica_ports):
        backups = "".join(f"        server 127.0.0.1:{p} backup;\n" for p in replica_ports if p != own)
        upstreams.append(f"    upstream r{i} {{\n        server 127.0.0.1:{own} max_fails=1 fail_timeout=5s;\n"
                         f"{backups}    }}")
    text = TEMPLATE.read_text()
    for key, value in {"DIR": str(directory), "PORT": str(port), "SPLIT": split, "STATIC": str(directory / "static"),
                       "ROUTES": " ".join(f"{r} {r};" for r in routes), "UPSTREAMS": "\n".join(upstreams)}.items():
        text = text.replace(f"@{key}@", value)
    return text


def healthy(url: str, timeout: float = 90) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.3)
    return False


@dataclass
class Replicas:
    """N replicas and their proxy; :meth:`stop_replica` kills one, as a crashed host would."""

    count: int = 2
    port: int = 8600
    extra: tuple[str, ...] = ()
    ports: tuple[int, ...] = ()  # the replicas' own ports; default: the ones after ``port``
    directory: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="replicas-")))
    servers: list[subprocess.Popen] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def replica_ports(self) -> list[int]:
        return list(self.ports) or [self.port + 1 + i for i in range(self.count)]

    @classmethod
    def on_free_ports(cls, count: int = 2, extra: tuple[str, ...] = ()) -> "Replicas":
        """Proxy and replicas each on a port the system says is free (tests, benchmarks): the port
        after a free one may be taken."""
        held = [socket.socket() for _ in range(count + 1)]
        try:
            for s in held:
                s.bind(("127.0.0.1", 0))
            proxy, *own = [s.getsockname()[1] for s in held]
        finally:
            for s in held:
                s.close()
        return cls(count, proxy, extra, ports=tuple(own))

    def start(self) -> "Replicas":
        try:
            return self._start()
        except BaseException:
            self.stop()  # a proxy that failed to start must not leave its replicas running
            raise

    def _start(self) -> "Replicas":
        if not Path(NGINX).exists():
            raise SystemExit("nginx is not installed (Debian: apt-get install nginx-light; make nginx does it as root)")
        for p in self.replica_ports():
            self.servers.append(subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(p),
                 "--server.address", "127.0.0.1", "--server.headless", "true", *self.extra],
                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        # nginx started as root runs its workers as nobody: they must reach the temp folders
        # (mkdtemp makes the folder private), or every response too big for memory buffers
        # (Streamlit's larger JavaScript modules) is cut short, and the page draws no chart.
        self.directory.chmod(0o755)
        # The workers (nobody) serve Streamlit's frontend files from a copy in that folder: the installed
        # ones may sit in a project cloned where other users cannot read (a 0700 folder, root's home).
        shutil.copytree(static_files(), self.directory / "static", dirs_exist_ok=True)
        for path in (self.directory / "static").rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        conf = self.directory / "nginx.conf"
        conf.write_text(nginx_config(self.directory, self.port, self.replica_ports()))
        self.proxy = subprocess.Popen([NGINX, "-p", str(self.directory), "-c", str(conf), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for p in self.replica_ports():
            if not healthy(f"http://127.0.0.1:{p}"):
                raise SystemExit(f"replica on port {p} did not become healthy")
        if not healthy(self.url, 20):
            raise SystemExit(f"nginx did not answer on port {self.port} (see {self.directory}/error.log)")
        return self

    def stop_replica(self, index: int) -> None:
        self.servers[index].kill()
        self.servers[index].wait(timeout=10)

    def stop(self) -> None:
        for proc in [*self.servers, self.proxy]:
            if proc is not None and proc.poll() is None:
                proc.terminate()
        for proc in [*self.servers, self.proxy]:
            if proc is not None:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--port", type=int, default=8600)
    args = parser.parse_args()
    group = Replicas(args.replicas, args.port).start()
    print(f"{args.replicas} replicas ({', '.join(map(str, group.replica_ports()))}) behind nginx: {group.url}  "
          "(Ctrl-C stops them)", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    try:
        while any(s.poll() is None for s in group.servers):  # a lost replica leaves the others serving
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        group.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
