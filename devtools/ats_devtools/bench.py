"""`ats bench`: how fast Application handling is on a big database, measured, not asserted.

Builds a temporary SQLite database with (by default) 1,000,000 applications over 200 projects, one of
them with 50,000, then times the list queries of that project through our services beside the very
same SQL run directly through sqlite3 (the ratio is our overhead), a bulk Withdrawn of 1,000 ticked
applicants, email to 1,000 applicants and its delivery (bench_email), a candidate's possible duplicates
(bench_duplicates), panel review (bench_panel: the list sorted by rating, the reviewer's page), and the pickled
size of the list page's state, then the way in (bench_intake: applications
per second through the careers form, the careers list with 2,000 open projects), then employment contracts
(bench_contracts: contract PDFs per second for a run of 100). Targets (README): list query median
<= 25 ms and <= 1.5x raw SQL; bulk 1,000 <= 2 s; list state <= 64 KiB.
"""

import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

import reflex as rx
from sqlalchemy import event
from sqlmodel import Session, select

from ats_app.accounts import auth
from ats_app.core.db import get_engine, upgrade_to_head
from ats_app.core.i18n import format_day
from ats_app.handling import applicant_list, further_progress
from ats_app.models import Application
from ats_devtools import bench_contracts, bench_duplicates, bench_email, bench_intake, bench_panel
from ats_devtools.timing import timed as _timed

BIG_PROJECT = 50_000
PROJECTS = 200
STATUSES = (("new", 40), ("invited", 12), ("offer", 2), ("rejected", 30), ("withdrawn", 6), ("saved", 5),
            ("hired", 1), ("transferred", 2), ("restored", 2))
FIRST = ("Anna", "Lars", "Kari", "Johan", "Eva", "Pieter", "Mette", "Ville", "Sanne", "Ola", "Ingrid", "Noor",
         "Jens", "Aino", "Erik", "Fleur", "Sofie", "Mikko", "Astrid", "Daan", "Hanna", "Nils", "Emma", "Timo")
LAST = ("Hansen", "Johansson", "de Vries", "Nielsen", "Virtanen", "Berg", "Jansen", "Larsen", "Lindqvist",
        "Korhonen", "Bakker", "Andersen", "Haugen", "Nieminen", "Visser", "Pedersen", "Dahl", "Mäkinen", "Smit",
        "Solberg", "Eriksson", "Holm", "Meijer", "Lund")
LANGS = ("nb", "sv", "nl", "da", "fi", "en")


def _build(path: Path, applications: int, seed: int = 7) -> None:
    """Schema by Alembic, rows by executemany: candidates, 200 projects, applications."""
    os.environ["REFLEX_DB_URL"] = f"sqlite:///{path}"
    upgrade_to_head()
    rng = random.Random(seed)
    statuses, weights = zip(*STATUSES)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("INSERT INTO department (id, name) VALUES (1, 'Engineering')")
    conn.executemany("INSERT INTO recruitment_project (id, title, department_id, status, languages, "
                     "screening_questions, created_at) VALUES (?, ?, 1, 'open', '[]', '[]', '2026-01-01 00:00:00')",
                     [(i, f"Project {i}") for i in range(1, PROJECTS + 1)])
    conn.execute("INSERT INTO user (id, email, name, password_hash, role, language, time_zone, can_send_sms, "
                 "can_reject, can_make_offers, can_transfer, can_delete, can_see_deleted, can_edit_templates, "
                 "active, created_at) VALUES (1, 'bench@example.com', 'Bench', 'x', 'admin', 'en', 'Europe/Oslo', "
                 "1, 1, 1, 1, 1, 1, 1, 1, '2026-01-01 00:00:00')")
    candidates = max(1, applications // 2)
    rows = []
    for cid in range(1, candidates + 1):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first}.{last}.{cid}@example.com".lower().replace(" ", "")
        rows.append((cid, first, last, email, rng.choice(LANGS)))
    conn.executemany("INSERT INTO candidate (id, first_name, last_name, email, language, created_at) "
                     "VALUES (?, ?, ?, ?, ?, '2026-01-01 00:00:00')", rows)
    names = {cid: (f"{last} {first}".lower(), f"{first} {last} {email}".lower()) for cid, first, last, email, _ in rows}
    del rows
    batch = []
    for aid in range(1, applications + 1):
        project = 1 if aid <= min(BIG_PROJECT, applications) else 2 + aid % (PROJECTS - 1)
        cid = (aid * 7919) % candidates + 1
        day = rng.randrange(0, 300)
        applied = f"2026-{1 + day // 31 % 12:02d}-{1 + day % 28:02d} {rng.randrange(24):02d}:{rng.randrange(60):02d}:00"
        status = rng.choices(statuses, weights)[0]
        sort_name, search_text = names[cid]
        batch.append((aid, cid, project, status, applied, applied, sort_name, search_text))
        if len(batch) == 50_000:
            _insert_applications(conn, batch)
    _insert_applications(conn, batch)
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def _insert_applications(conn, batch: list) -> None:
    conn.executemany("INSERT INTO application (id, candidate_id, project_id, status, applied_at, updated_at, "
                     "sort_name, search_text, screening_answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}')", batch)
    batch.clear()


def _captured_sql(engine, fn) -> list[tuple[str, tuple]]:
    """The statements fn() sends to the database, with their parameters, to replay them raw."""
    seen: list[tuple[str, tuple]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, tuple(parameters)))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        fn()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    return [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT")]


def run(applications: int = 1_000_000, runs: int = 30, keep: str | None = None) -> dict:
    """Build, measure, print and return the numbers."""
    tmp = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="ats-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    path = tmp / "bench.db"
    if path.exists():
        path.unlink()
    start = time.perf_counter()
    _build(path, applications)
    print(f"built {applications:,} applications over {PROJECTS} projects in {time.perf_counter() - start:.1f} s")



    engine = get_engine(f"sqlite:///{path}")
    session = Session(engine, expire_on_commit=False)
    user = auth.CurrentUser(id=1, email="bench@example.com", name="Bench", role="admin", language="en",
                            time_zone="Europe/Oslo", department_id=None, rights=frozenset(auth.RIGHTS))
    queries = {
        "first page": dict(),
        "later page": dict(offset=25_000),
        "search": dict(search="de vries"),
        "status filter": dict(status="invited"),
        "sort by name": dict(sort="name", descending=False),
    }
    raw = sqlite3.connect(path)
    results = {}
    print(f"\n{'project of ' + format(BIG_PROJECT, ',') + ' applicants':<28}{'ours median':>12}{'p95':>8}"
          f"{'raw SQL':>10}{'ratio':>8}")
    for name, kwargs in queries.items():
        call = lambda kw=kwargs: applicant_list.list_applicants(session, user, 1, **kw)  # noqa: E731
        statements = _captured_sql(engine, call)

        def replay(statements=statements):
            for sql, params in statements:
                raw.execute(sql, params).fetchall()

        ours, ours_p95 = _timed(call, runs)
        base, _ = _timed(replay, runs)
        results[name] = {"median_ms": ours, "p95_ms": ours_p95, "raw_ms": base, "ratio": ours / base if base else 0}
        print(f"{name:<28}{ours:>10.1f}ms{ours_p95:>6.1f}ms{base:>8.1f}ms{ours / base if base else 0:>7.2f}x")

    ids = list(session.exec(select(Application.id).where(Application.project_id == 1, Application.status == "new")
                            .limit(1000)))
    start = time.perf_counter()
    result = further_progress.run(session, user, "withdraw", ids, {})
    bulk = time.perf_counter() - start
    results["bulk withdraw"] = {"applicants": len(ids), "done": result.done, "seconds": bulk}
    print(f"\nbulk Withdrawn of {len(ids):,} ticked applicants: {bulk:.2f} s ({result.done} done)")

    ticked = list(session.exec(select(Application.id).where(Application.project_id == 1).limit(1000)))
    results["email"] = bench_email.run(session, user, ticked)

    results["duplicates"] = bench_duplicates.run(session, user, path)
    results["panel review"] = bench_panel.run(session, user, path, 1, runs=runs)

    results["state bytes"] = _state_size(session, user)
    print(f"pickled Application handling state with a full page: {results['state bytes'] / 1024:.1f} KiB")
    session.close()
    raw.close()
    results["intake"] = bench_intake.run(tmp, runs=runs)
    results["contracts"] = bench_contracts.run(tmp)
    return results


def _state_size(session, user) -> int:
    """The bytes Reflex stores per client for the list page (state manager pickle), with a full page."""
    import ats_app.ats_app  # noqa: F401, PLC0415  (the whole app only here: loaded earlier, it slows the other runs)
    from ats_app.handling.ui.list_state import ApplicantView, ApplicationListState  # noqa: PLC0415

    page = applicant_list.list_applicants(session, user, 1)
    root = rx.State(_reflex_internal_init=True)  # as the state manager makes one per client
    state = root.get_substate(ApplicationListState.get_full_name().split(".")[1:])
    state.rows = [ApplicantView(id=r.application_id, href=f"/applications/{r.application_id}", name=r.name,
                                email=r.email, status=r.status, stage=r.rejection_stage or "",
                                ranking=str(r.ranking or 0), rating="5.5 (3)",
                                applied=format_day(r.applied_at.date(), "en"), language=r.language,
                                requirements="knocked_out", auto_reject_on=format_day(r.applied_at.date(), "en"))
                  for r in page.rows]
    state.ticked = [r.application_id for r in page.rows]
    state.counts = applicant_list.summary(session, user, 1)
    return len(state._serialize())
