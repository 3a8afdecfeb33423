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


def _upgraded_to(revision: str, name: str, tmp_path, monkeypatch):
    """A scratch database migrated up to revision; (the Alembic config, its URL)."""
    from pathlib import Path

    from alembic.config import Config

    from alembic import command
    from tests.targets import scratch_database

    url = scratch_database(name, tmp_path)
    monkeypatch.setenv("REFLEX_DB_URL", url)
    root = Path(__file__).resolve().parents[2]
    config = Config(str(root / "alembic.ini"))
    config.set_main_option("script_location", str(root / "alembic"))
    command.upgrade(config, revision)
    return config, url


def test_0003_copies_names_lower_cased_beyond_ascii(tmp_path, monkeypatch):
    """Existing applications get their candidate's name in lower case, Æ, Ø and Ä included."""
    from sqlalchemy import create_engine, text

    from alembic import command

    config, url = _upgraded_to("0002", "names", tmp_path, monkeypatch)
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


def test_0008_gives_existing_applications_their_knock_out_verdict_and_widens_the_index(tmp_path, monkeypatch):
    """0008: existing applications get knocked_out from their project's questions (None where nothing
    asked can knock out), and the knock-out index gains applied_at."""
    import json

    from sqlalchemy import create_engine, text

    from alembic import command

    config, url = _upgraded_to("0006", "knockout", tmp_path, monkeypatch)
    engine = create_engine(url)
    questions = json.dumps([{"id": "q1", "text": {"en": "Permit?"}, "knockout": "no"}])
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO recruitment_project (id, title, status, languages, screening_questions, "
                          "employment_type, created_at) VALUES (1, 'P', 'open', '[]', :q, 'FULL_TIME', '2026-01-01'), "
                          "(2, 'Q', 'open', '[]', '[]', 'FULL_TIME', '2026-01-01')"), {"q": questions})
        conn.execute(text("INSERT INTO candidate (id, first_name, last_name, email, language, created_at) "
                          "VALUES (1, 'Kari', 'Nordmann', 'kari@example.com', 'nb', '2026-01-01')"))
        for i, (project_id, answers) in enumerate(((1, '{"q1": "no"}'), (1, '{"q1": "yes"}'), (2, '{}')), start=1):
            conn.execute(text("INSERT INTO application (id, candidate_id, project_id, status, screening_answers, "
                              "applied_at, updated_at, sort_name, search_text) VALUES (:i, 1, :p, 'new', :a, "
                              "'2026-01-01', '2026-01-01', '', '')"), {"i": i, "p": project_id, "a": answers})
    command.upgrade(config, "head")
    with engine.connect() as conn:
        verdicts = dict(conn.execute(text("SELECT id, knocked_out FROM application ORDER BY id")).all())
        [index] = [ix for ix in inspect(conn).get_indexes("application")
                   if ix["name"] == "ix_application_project_knocked"]
    engine.dispose()
    assert {i: (None if v is None else bool(v)) for i, v in verdicts.items()} == {1: True, 2: False, 3: None}
    assert index["column_names"] == ["project_id", "knocked_out", "deleted_at", "applied_at"]
