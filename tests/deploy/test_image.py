"""deploy/Dockerfile: what the image holds is enough to run the app, and nothing runs as root.

This machine has Docker's client but no engine, so the image is not built here. What can go wrong in
an image is checked without one: the file's instructions (slim Python 3.11, only requirements.txt
installed, a non-root user, a health check on /_stcore/health, the port it exposes is the one it
serves), that the app imports nothing requirements.txt does not install, and, the check a build would
make, that exactly the files the Dockerfile copies, laid out as in the image, start the app with the
image's own command and pass the image's own health check, every page loading without an error.
"""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import json
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests" / "browser")]

pytestmark = pytest.mark.deploy


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), rest.strip()))
    return out


def of(kind: str) -> list[str]:
    return [rest for word, rest in instructions() if word == kind]


def copied() -> list[tuple[str, str]]:
    """(source, destination) of every COPY, flags such as --chown dropped."""
    pairs = []
    for rest in of("COPY"):
        parts = [p for p in shlex.split(rest) if not p.startswith("--")]
        pairs.append((parts[0], parts[1]))
    return pairs


def ignored(path: str) -> bool:
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip()]
    return any(fnmatch.fnmatch(path, p) or path.split("/")[0] == p for p in patterns if not p.startswith("#"))


def test_the_image_is_slim_python_311_with_only_the_runtime_requirements() -> None:
    assert of("FROM") == ["python:3.11-slim"]
    installs = [r for r in of("RUN") if "pip install" in r]
    assert len(installs) == 1 and re.search(r"pip install -r requirements\.txt(\s|$|&&)", installs[0])
    assert "requirements-dev" not in DOCKERFILE.read_text()


def test_the_app_runs_as_a_user_that_is_not_root() -> None:
    words = [w for w, _ in instructions()]
    users = of("USER")
    assert users and users[-1] not in ("root", "0")
    assert words.index("USER") < words.index("CMD"), "the user is set before the command runs"


def test_the_health_check_asks_streamlit_on_the_port_it_serves() -> None:
    (check,) = of("HEALTHCHECK")
    cmd = json.loads(of("CMD")[0])
    port = next(a.split("=")[1] for a in cmd if a.startswith("--server.port="))
    assert f"127.0.0.1:{port}/_stcore/health" in check
    assert of("EXPOSE") == [port]
    assert "--server.address=0.0.0.0" in cmd, "inside a container the server must listen beyond loopback"


def test_everything_copied_exists_and_the_build_context_keeps_it() -> None:
    for source, _ in copied():
        assert (ROOT / source).exists(), source
        assert not ignored(source), f"{source} is copied but .dockerignore leaves it out of the context"
    # What the image must not carry: the virtualenv, the repository, tests.
    for heavy in (".venv", ".git", "tests"):
        assert ignored(heavy)


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_app_imports_only_what_requirements_txt_installs() -> None:
    required = {re.split(r"[<>=!~\[ ;]", line.strip())[0].lower()
                for line in (ROOT / "requirements.txt").read_text().splitlines()
                if line.strip() and not line.startswith("#")}
    # requirements.txt names distributions; code imports modules (plotly ships _plotly_utils too).
    providers = importlib.metadata.packages_distributions()
    local = set(sys.stdlib_module_names) | {"lib", "pages"}
    sources = [ROOT / "app.py", *(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]
    strays = {f"{p.relative_to(ROOT)}: {m}" for p in sources for m in _top_level_imports(p) - local
              if not {d.lower() for d in providers.get(m, [])} & required}
    assert strays == set()


@pytest.fixture(scope="module")
def image(tmp_path_factory) -> Path:
    """The image's /app: only what the Dockerfile copies, where it copies it."""
    app = tmp_path_factory.mktemp("image") / "app"
    app.mkdir()
    for source, dest in copied():
        target = app / (Path(source).name if dest in (".", "./") else dest.lstrip("./"))
        if (ROOT / source).is_dir():
            shutil.copytree(ROOT / source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / source, target)
    return app


def test_the_copied_files_start_the_app_and_pass_the_images_health_check(image: Path) -> None:
    import random

    from live import free_port
    from load import Session, Stats, run_sessions

    from lib.chains import CHAINS

    port = str(free_port())
    cmd = json.loads(of("CMD")[0])  # the exec form: no shell in between
    assert cmd[:2] == ["python", "-m"]
    cmd = [sys.executable, *cmd[1:]]
    cmd = [a.replace("8501", port).replace("0.0.0.0", "127.0.0.1") for a in cmd]
    log = tempfile.TemporaryFile()  # a file, not a pipe: an unread pipe would stall a chatty server
    server = subprocess.Popen([*cmd, "--browser.gatherUsageStats=false"], cwd=image,
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        check = of("HEALTHCHECK")[0].split(" CMD ", 1)[1].replace("8501", port)
        deadline, healthy = time.monotonic() + 60, False
        while time.monotonic() < deadline and not healthy:
            # "python" on PATH is this environment's, as it is the image's in the image.
            healthy = subprocess.run(shlex.split(check), cwd=image,
                                     env={"PATH": str(Path(sys.executable).parent)}).returncode == 0
            if not healthy:
                if server.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"the image's command exited: {log.read().decode()[-2000:]}")
                time.sleep(0.5)
        assert healthy, "the image's own HEALTHCHECK command never passed"

        async def open_every_page() -> dict[str, Stats]:
            seen = {}
            for page, key in [("", ""), *((c.url_path, c.key_slider) for c in CHAINS)]:
                s = Session(f"http://127.0.0.1:{port}", page, "", key, Stats(), random.Random(0))
                await s.run(time.monotonic())
                seen[page or "home"] = s
            return seen

        seen = run_sessions(open_every_page())
        for page, s in seen.items():
            assert s.stats.errors == [], (page, s.stats.errors)
            assert s.stats.loads_ms, f"{page} did not finish loading"
        for chain in CHAINS:
            assert seen[chain.url_path].metrics, f"{chain.url_path} drew no headline from the image's files"
    finally:
        server.terminate()
        server.wait(timeout=20)
