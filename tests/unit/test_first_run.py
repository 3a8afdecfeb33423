"""A safe first start: demo data only on the embedded default database, `ats create-admin` and its set-up link,
the first-run page, and the fixed demo password refused off loopback."""

import re
from pathlib import Path

import pytest
from sqlmodel import Session, func, select
from starlette.testclient import TestClient

from ats_app import cli
from ats_app.accounts import audit, auth, first_run, password_links
from ats_app.core import config
from ats_app.core.db import get_engine, upgrade_to_head
from ats_app.models import AuditEvent, Role, User
from ats_app.web.routes import api
from tests.targets import on_postgres, scratch_database
from tests.unit.factories import make_user

URL_IN_OUTPUT = re.compile(r"(http\S+/set-password\?token=(\S+))")


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("127.5.6.7", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("LocalHost", True), ("0.0.0.0", False), ("::", False), ("10.0.0.5", False), ("ats.example.com", False),
    ("", False), (None, False),
])
def test_the_loopback_rule(monkeypatch, host, loopback):
    if host is None:
        monkeypatch.delenv("ATS_LISTEN_HOST", raising=False)
    else:
        monkeypatch.setenv("ATS_LISTEN_HOST", host)
    assert config.listens_on_loopback() is loopback


@pytest.mark.parametrize("public_url, loopback", [
    (None, True), ("", True), ("http://127.0.0.1:3000", True), ("http://localhost:3000", True),
    ("http://[::1]:3000", True), ("https://ats.example.com", False), ("http://10.0.0.5:3000", False),
])
def test_a_loopback_server_published_elsewhere_is_not_loopback(monkeypatch, public_url, loopback):
    """A proxy or tunnel (ATS_PUBLIC_URL on another host) in front of a loopback listener reaches the world."""
    monkeypatch.setenv("ATS_LISTEN_HOST", "127.0.0.1")
    if public_url is None:
        monkeypatch.delenv("ATS_PUBLIC_URL", raising=False)
    else:
        monkeypatch.setenv("ATS_PUBLIC_URL", public_url)
    assert config.listens_on_loopback() is loopback
    assert config.refuses_demo_password("demo") is not loopback


def test_the_demo_password_is_refused_off_loopback_only(session, monkeypatch):
    make_user(session, "admin@example.com", password="demo")
    monkeypatch.setenv("ATS_LISTEN_HOST", "0.0.0.0")
    assert config.refuses_demo_password("demo") and not config.refuses_demo_password("a real long password")
    assert auth.log_in(session, "admin@example.com", "demo") is None
    monkeypatch.setenv("ATS_DEMO_PASSWORD", "demo-other")
    assert config.refuses_demo_password("demo-other")
    # demo users loaded earlier (on loopback, with "demo") must not log in with it from the network either
    assert config.refuses_demo_password("demo") and auth.log_in(session, "admin@example.com", "demo") is None
    monkeypatch.delenv("ATS_DEMO_PASSWORD")
    monkeypatch.setenv("ATS_LISTEN_HOST", "127.0.0.1")
    assert auth.log_in(session, "admin@example.com", "demo") is not None


@pytest.mark.parametrize("url, embedded", [
    ("sqlite:///ats.db", True), ("sqlite+pysqlite:///ats.db", True), ("sqlite:////srv/ats/ats.db", False),
    ("sqlite:///other.db", False), ("postgresql+psycopg://postgres@127.0.0.1:5432/ats", False), ("nonsense", False),
])
def test_only_the_embedded_default_counts_as_embedded(url, embedded):
    assert first_run.is_embedded_default(url) is embedded


def test_demo_passwords_are_random_off_loopback(monkeypatch):
    monkeypatch.setenv("ATS_LISTEN_HOST", "127.0.0.1")
    monkeypatch.delenv("ATS_DEMO_PASSWORD", raising=False)
    assert cli.demo_passwords(None) == "demo" and cli.demo_passwords("given-one") == "given-one"
    monkeypatch.setenv("ATS_LISTEN_HOST", "0.0.0.0")
    assert cli.demo_passwords("given-one") == "given-one"
    first, second = cli.demo_passwords(None), cli.demo_passwords(None)
    assert isinstance(first, dict) and "admin@example.com" in first and first != second
    assert all(len(p) >= 16 and p != "demo" for p in first.values())


def _point_at(monkeypatch, url: str) -> None:
    monkeypatch.setenv("REFLEX_DB_URL", url)
    upgrade_to_head()


def _users(url: str) -> int:
    with Session(get_engine(url)) as s:
        return s.exec(select(func.count()).select_from(User)).one()


def test_make_run_loads_demo_data_into_the_embedded_default_only(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ATS_LISTEN_HOST", "127.0.0.1")
    _point_at(monkeypatch, "sqlite:///ats.db")
    assert cli.main(["demo-data", "--if-empty", "--embedded-only", "--applications", "3"]) == 0
    assert "password: demo" in capsys.readouterr().out
    assert _users("sqlite:///ats.db") > 0
    assert cli.main(["demo-data", "--if-empty", "--embedded-only"]) == 0  # users now: nothing more
    assert "already has users" in capsys.readouterr().out


def test_demo_data_off_loopback_prints_random_passwords_once(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'exposed.db'}"
    _point_at(monkeypatch, url)
    monkeypatch.setenv("ATS_LISTEN_HOST", "0.0.0.0")
    assert cli.main(["demo-data", "--applications", "2"]) == 0  # asked explicitly: any database
    out = capsys.readouterr().out
    admin_password = re.search(r"admin@example\.com\s+(\S+)", out).group(1)
    assert "password: demo" not in out and admin_password != "demo"
    with Session(get_engine(url)) as s:
        assert auth.log_in(s, "admin@example.com", admin_password) is not None
        assert auth.log_in(s, "admin@example.com", "demo") is None


def test_the_first_run_path_on_an_empty_database(tmp_path, monkeypatch, capsys):
    """On PostgreSQL in the PostgreSQL pass (an empty scratch database), else on a SQLite file."""
    url = scratch_database("first_run", tmp_path)
    assert url.startswith("postgresql") is on_postgres()
    _point_at(monkeypatch, url)
    # make run's demo-data step leaves a database other than the embedded default empty
    assert cli.main(["demo-data", "--if-empty", "--embedded-only"]) == 0
    assert "ats create-admin" in capsys.readouterr().out
    assert _users(url) == 0
    web = TestClient(api, follow_redirects=False)
    page = web.get("/first-run")
    assert page.status_code == 200 and "ats create-admin you@example.com" in page.text
    assert "This database has no users yet" in page.text and page.headers["cache-control"] == "no-store"
    assert "Denne databasen har ingen brukere ennå" in web.get("/first-run?lang=nb").text

    assert cli.main(["create-admin", "Owner@Example.com", "--name", "Åse Owner", "--language", "nb"]) == 0
    printed, token = URL_IN_OUTPUT.search(capsys.readouterr().out).groups()
    with Session(get_engine(url)) as s:
        holder = password_links.holder_of(s, token)
        assert holder is not None and holder.email == "owner@example.com" and holder.purpose == password_links.SETUP
        admin = s.exec(select(User)).one()
        assert admin.role == Role.ADMIN and admin.password_hash == "" and admin.name == "Åse Owner"
        [line] = s.exec(select(AuditEvent)).all()
        assert line.kind == audit.ADMIN_CREATED and line.subject == "owner@example.com" and token not in str(line)
    assert printed.startswith(config.public_url())
    moved = web.get("/first-run")
    assert moved.status_code == 303 and moved.headers["location"] == "/login"

    # the same email again is refused; --reissue gives a fresh link and the old one stops working
    assert cli.main(["create-admin", "owner@example.com"]) == 1
    assert "already has a user" in capsys.readouterr().err
    assert cli.main(["create-admin", "owner@example.com", "--reissue"]) == 0
    _, fresh = URL_IN_OUTPUT.search(capsys.readouterr().out).groups()
    with Session(get_engine(url)) as s:
        assert password_links.holder_of(s, token) is None and password_links.holder_of(s, fresh) is not None
        password_links.set_password_from_link(s, fresh, "a long enough passphrase")
        s.commit()
        assert auth.log_in(s, "owner@example.com", "a long enough passphrase") is not None
    get_engine(url).dispose()


@pytest.mark.parametrize("argv, message", [
    (["create-admin", "not-an-email"], "is not an email address"),
    (["create-admin", "a@example.com", "--reissue"], "is not an admin"),
])
def test_create_admin_refuses_what_it_cannot_do(session, capsys, argv, message):
    assert cli.main(argv) == 1
    assert message in capsys.readouterr().err
    assert session.exec(select(func.count()).select_from(User)).one() == 0


def test_reissue_refuses_someone_who_is_not_an_admin(session, capsys):
    make_user(session, "rec@example.com", role=Role.RECRUITER)
    assert cli.main(["create-admin", "rec@example.com", "--reissue"]) == 1
    assert "is not an admin" in capsys.readouterr().err


def test_make_run_asks_for_the_embedded_only_decision_and_passes_its_host():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "ATS_LISTEN_HOST=$(HOST) $(VENV)/bin/ats demo-data --if-empty --embedded-only" in run
    assert "ATS_LISTEN_HOST=$(HOST) ATS_PUBLIC_URL=" in run and "reflex run" in run
