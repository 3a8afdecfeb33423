"""Alembic environment: the ATS tables, on the URL the app uses."""

from sqlmodel import SQLModel

import ats_app.models  # noqa: F401  (registers every table)
from alembic import context
from ats_app.core.db import db_url, get_engine

target_metadata = SQLModel.metadata


def run_migrations_offline() -> None:
    context.configure(url=db_url(), target_metadata=target_metadata, literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = context.config.attributes.get("url") or db_url()
    with get_engine(url).connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
