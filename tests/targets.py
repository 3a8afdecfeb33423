"""Which database (and Redis) a test run targets: temporary SQLite by default, or PostgreSQL + Redis.

`make test` runs the suite on SQLite, then again with ATS_TEST_TARGET=postgres when
ATS_TEST_POSTGRES_URL (and ATS_TEST_REDIS_URL) are set.
"""

import os
from pathlib import Path

from sqlalchemy import create_engine, text


def on_postgres() -> bool:
    """True on the PostgreSQL + Redis pass."""
    return os.environ.get("ATS_TEST_TARGET") == "postgres"


def database_url(tmp_dir: Path) -> str:
    """A fresh database for this test process (PostgreSQL's schema is wiped first)."""
    if on_postgres():
        url = os.environ["ATS_TEST_POSTGRES_URL"]
        engine = create_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return url
    return f"sqlite:///{tmp_dir / 'test.db'}"


def redis_url() -> str | None:
    """Redis for Reflex's state manager on the PostgreSQL pass, else None (Reflex's disk manager)."""
    return os.environ.get("ATS_TEST_REDIS_URL") if on_postgres() else None


def migrate(url: str) -> None:
    """Apply the project's Alembic migrations to url (and make it this process's database)."""
    from ats_app.core.db import upgrade_to_head

    os.environ["REFLEX_DB_URL"] = url
    upgrade_to_head()


def scratch_database(name: str, folder: Path) -> str:
    """An extra empty database for a test that needs its own (SQLite file, or a PostgreSQL database)."""
    if not on_postgres():
        return f"sqlite:///{folder / (name + '.db')}"
    admin_url = os.environ["ATS_TEST_POSTGRES_URL"]
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    database = f"ats_scratch_{name}"
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    engine.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + database
