"""Bulk writing for the demo data: raw DBAPI inserts in chunks, cheap timestamp and JSON converters,
and dropping secondary indexes for the load, because a million rows cannot afford the ORM per row."""

import json
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, inspect
from sqlmodel import Session, select

CHUNK = 25_000  # applications per written chunk (employees per insert)
CANDIDATE_COLUMNS = ("id", "first_name", "last_name", "email", "mobile", "address", "postal_code", "city", "country",
                     "language", "cv_file_key", "cv_filename", "cv_text", "consent_at", "consent_expires_at",
                     "created_at")
APPLICATION_COLUMNS = ("id", "candidate_id", "project_id", "status", "previous_status", "rejection_type_id",
                       "rejection_reason_id", "ranking", "cover_letter", "screening_answers", "source", "applied_at",
                       "updated_at", "deleted_at", "deleted_by_id", "sort_name", "search_text", "knocked_out")
EVENT_COLUMNS = ("application_id", "project_id", "actor_id", "kind", "payload", "message_id", "created_at")


def _next_id(session: Session, model) -> int:
    return (session.exec(select(func.max(model.id))).one() or 0) + 1


def _insert(conn, table: str, columns: tuple, rows: list) -> None:
    """Raw executemany (COPY on PostgreSQL): no per-value SQLAlchemy type processing, which a million
    rows cannot afford. Same connection, so same transaction."""
    if conn.dialect.name == "postgresql":
        with conn.connection.dbapi_connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})",
                         rows)


def _bulk(session: Session):
    """A chunk writer, and timestamp and JSON converters in the shape the driver wants: SQLite keeps
    SQLAlchemy DateTimes as 'YYYY-MM-DD HH:MM:SS.ffffff' UTC text, made here directly (from a table of
    a day's 86,400 seconds); PostgreSQL gets aware datetimes. Timestamps are epoch seconds until written.
    """
    conn = session.connection()

    def write(candidates: list, applications: list, events: list) -> None:
        """Insert one chunk, parents first, and empty the lists for the next."""
        for table, columns, rows in (("candidate", CANDIDATE_COLUMNS, candidates),
                                     ("application", APPLICATION_COLUMNS, applications),
                                     ("application_event", EVENT_COLUMNS, events)):
            if rows:
                _insert(conn, table, columns, rows)
                rows.clear()

    if conn.dialect.name == "sqlite":
        days: dict[int, str] = {}
        seconds = [f" {s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}.000000" for s in range(86400)]

        def ts(t: int | None):
            if t is None:
                return None
            d, s = divmod(t, 86400)
            day = days.get(d) or days.setdefault(d, (datetime(1970, 1, 1) + timedelta(days=d)).strftime("%Y-%m-%d"))
            return day + seconds[s]
    else:
        def ts(t: int | None):
            return None if t is None else datetime.fromtimestamp(t, timezone.utc)

    cache: dict[tuple, str] = {}

    def js(pairs: tuple) -> str:
        text = cache.get(pairs)
        if text is None:
            text = cache[pairs] = json.dumps(dict(pairs), ensure_ascii=False)
        return text

    return write, ts, js


def _without_indexes(session: Session, models: tuple):
    """Drop the (non-unique) secondary indexes of models' tables; returns the function that rebuilds
    them. Rebuilding a sorted index once is several times faster than a million random inserts."""
    conn = session.connection()
    dropped = []
    for model in models:
        present = {ix["name"] for ix in inspect(conn).get_indexes(model.__tablename__)}
        for index in model.__table__.indexes:
            if index.name in present and not index.unique:
                index.drop(conn)
                dropped.append(index)
    return lambda: [index.create(conn) for index in dropped]
