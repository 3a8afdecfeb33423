"""One SQLAlchemy engine per process, built from the same URL Reflex reads (REFLEX_DB_URL)."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from alembic.config import Config
from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

from alembic import command

DEFAULT_DB_URL = "sqlite:///ats.db"


def db_url() -> str:
    """The database URL: REFLEX_DB_URL, else the embedded SQLite file."""
    return os.environ.get("REFLEX_DB_URL") or DEFAULT_DB_URL


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def get_engine(url: str | None = None) -> Engine:
    """The engine for url (default: db_url(), read now, so tests can point elsewhere)."""
    return _engine_for(url or db_url())


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    # SQLite gets WAL and a busy timeout, so the app and the outbox worker can write side by side.
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise


def upgrade_to_head() -> None:
    """Apply every Alembic migration to db_url() (the only way the schema is made: never create_all)."""
    root = Path(__file__).resolve().parents[2]
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "alembic"))
    command.upgrade(config, "head")
