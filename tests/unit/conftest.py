"""Unit and State tests: one migrated database per test process, emptied between tests."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="ats-unit-"))
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
os.environ["ATS_FAST_HASHING"] = "1"
os.environ["ATS_LISTEN_HOST"] = "127.0.0.1"  # as the app on this machine: the demo password works
os.environ["ATS_FILES_DIR"] = str(_TMP / "files")

from tests.targets import database_url, migrate  # noqa: E402

DB_URL = database_url(_TMP)
migrate(DB_URL)

from sqlalchemy import text  # noqa: E402
from sqlmodel import Session, SQLModel  # noqa: E402

from ats_app.core.db import get_engine  # noqa: E402


@pytest.fixture(autouse=True)
def _clean_database():
    """Each test starts from empty tables (migrations applied once per process)."""
    yield
    engine = get_engine(DB_URL)
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))


@pytest.fixture
def session():
    """A session on the test database."""
    with Session(get_engine(DB_URL), expire_on_commit=False) as s:
        yield s
