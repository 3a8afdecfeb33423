"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from ats_app.db import get_engine

from .conftest import DB_URL


def test_every_table_exists_after_migrating():
    tables = set(inspect(get_engine(DB_URL)).get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables


def test_models_and_migrations_do_not_drift():
    with get_engine(DB_URL).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models changed without a migration: {diff}"
