"""Browser tests: the real production server (`reflex run --env prod`, one port) and Debian's Chromium."""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import expect

from ats_devtools.fake_resend import FakeResend
from tests.targets import database_url, migrate, on_postgres, redis_url

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "shots"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PASSWORD = "demo-e2e"
LOGIN_URL = re.compile(r"/login/?(\?.*)?$")  # production serves routes with a trailing slash; ?next=… back
OVERVIEW_URL = re.compile(r"^https?://[^/]+/?$")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def resend():
    """The local fake of Resend's API that the server's delivery worker sends to (nothing leaves)."""
    with FakeResend() as fake:
        yield fake


@pytest.fixture(scope="session")
def server(resend):
    """Migrate a fresh database, load demo data, start the prod server; yields its base URL and env."""
    tmp = Path(tempfile.mkdtemp(prefix="ats-e2e-"))
    url = database_url(tmp)
    migrate(url)
    port = _free_port()
    env = {**os.environ, "REFLEX_DB_URL": url, "ATS_FILES_DIR": str(tmp / "files"), "ATS_FAST_HASHING": "1",
           "REFLEX_TELEMETRY_ENABLED": "false", "REFLEX_CHECK_LATEST_VERSION": "false",
           "RESEND_API_KEY": "re_e2e", "RESEND_API_URL": resend.url, "ATS_MAIL_RATE_LIMIT": "0",
           "ATS_PUBLIC_URL": f"http://127.0.0.1:{port}", "ATS_LISTEN_HOST": "127.0.0.1",
           "ATS_MAIL_FROM": "Nordlys Recruitment <jobs@nordlys.example>"}
    env.pop("REFLEX_REDIS_URL", None)
    if redis_url():
        env["REFLEX_REDIS_URL"] = redis_url()
        env["GRANIAN_WORKERS"] = "3"  # several backend workers share state through Redis
    bin_dir = Path(sys.executable).parent
    subprocess.run([bin_dir / "ats", "demo-data", "--password", PASSWORD], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(
        [bin_dir / "reflex", "run", "--env", "prod", "--frontend-port", str(port), "--backend-port", str(port),
         "--backend-host", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {(tmp / 'server.log').read_text()[-3000:]}")
            try:
                if httpx.get(base + "/ping", timeout=2).status_code == 200 and \
                        httpx.get(base + "/", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline:
                raise RuntimeError(f"server not up after 300 s: {(tmp / 'server.log').read_text()[-3000:]}")
            time.sleep(1)
        yield {"url": base, "env": env, "db_url": url, "postgres": on_postgres()}
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium: Playwright's own browser download cannot work offline."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(server):
    """pytest-playwright's base URL: page.goto("/login") works."""
    return server["url"]


@pytest.fixture
def shoot(request):
    """Save a screenshot of what a test sees under shots/ (ignored by git) to look at."""
    SHOTS.mkdir(exist_ok=True)
    prefix = "pg-" if on_postgres() else ""

    def take(page, name: str) -> Path:
        path = SHOTS / f"{prefix}{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def log_in(page, email: str = "admin@example.com", password: str = PASSWORD) -> None:
    """Log in through the form and wait for the overview."""
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(OVERVIEW_URL, timeout=20000)
    page.locator("#page-title").wait_for(timeout=20000)


@pytest.fixture(autouse=True)
def _short_waits(page):
    """A broken page should fail in seconds, not half a minute per step."""
    page.set_default_timeout(15000)
    expect.set_options(timeout=10000)


def emails_to(resend, address: str, timeout: float = 20.0, count: int = 1) -> list[dict]:
    """The emails the fake Resend received for address, waiting for the delivery worker (≤ timeout s)."""
    deadline = time.time() + timeout
    while True:
        found = [e for e in resend.emails() if address in e["body"]["to"]]
        if len(found) >= count or time.time() > deadline:
            return found
        time.sleep(0.3)
