"""The migrations build exactly the schema the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from ats_app.core.db import get_engine
from tests.unit.conftest import DB_URL


def test_every_table_exists_after_migrating():
    tables = set(inspect(get_engine(DB_URL)).get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables


def test_models_and_migrations_do_not_drift():
    with get_engine(DB_URL).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models changed without a migration: {diff}"


def test_0003_copies_names_lower_cased_beyond_ascii(tmp_path, monkeypatch):
    """Existing applications get their candidate's name in lower case, Æ, Ø and Ä included."""
    from pathlib import Path

    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from alembic import command
    from tests.targets import scratch_database

    url = scratch_database("names", tmp_path)
    monkeypatch.setenv("REFLEX_DB_URL", url)
    root = Path(__file__).resolve().parents[2]
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "alembic"))
    command.upgrade(config, "0002")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO recruitment_project (id, title, status, languages, screening_questions, "
                          "created_at) VALUES (1, 'P', 'open', '[]', '[]', '2026-01-01')"))
        conn.execute(text("INSERT INTO candidate (id, first_name, last_name, email, language, created_at) "
                          "VALUES (1, 'ØYSTEIN', 'Ærø', 'Oystein@Example.com', 'nb', '2026-01-01')"))
        conn.execute(text("INSERT INTO application (id, candidate_id, project_id, status, screening_answers, "
                          "applied_at, updated_at) VALUES (1, 1, 1, 'new', '{}', '2026-01-01', '2026-01-01')"))
    command.upgrade(config, "head")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT sort_name, search_text FROM application WHERE id = 1")).one()
    engine.dispose()
    assert tuple(row) == ("ærø øystein", "øystein ærø oystein@example.com")
