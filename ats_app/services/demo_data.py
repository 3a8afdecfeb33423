"""The `ats demo-data` engine: a believable Nordlys AS with users, projects, candidates and applications.

By default 400 applications, all in full detail: history step by step, interviews, held messages,
two panel reviews, employees for the hired. `applications=N` builds exactly N.

A million applications must load in well under two minutes (about 50 s on SQLite, 2 cores), so:
- candidates, applications and their history go in as raw DBAPI executemany (COPY on PostgreSQL)
  in chunks of CHUNK applications, with no SQLAlchemy type processing per value;
- from BIG applications on, a forked process makes the rows while this one writes them, and the
  tables' secondary indexes are dropped and rebuilt once at the end (same transaction, so a failed
  run leaves them in place);
- only the first RICH_LIMIT applications get interviews, messages and message-linked history; the
  rest get an "applied" event plus one "status_changed" event per step they took;
- only the first CV_FILE_LIMIT candidates get a PDF CV file; the rest have cv_text only;
- beyond 5,000 applications there are N/500 projects (at most 2,000), a few big and a long tail.
"""

import json
import multiprocessing
import random
import time
import traceback
import uuid
from bisect import bisect
from collections import namedtuple
from contextlib import suppress
from datetime import date, datetime, time as clock, timedelta, timezone
from html import escape
from itertools import accumulate
from operator import itemgetter
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from sqlalchemy import Engine, func, insert, inspect
from sqlmodel import Session, select

from ..db import get_engine
from ..models import (Application, ApplicationEvent, Candidate, Department, Employee, Interview, InterviewRecruiter,
                      Message, PanelReview, PanelReviewApplication, Position, Rating, RecruitmentProject,
                      RejectionReason, RejectionType, Reviewer, Role, User)
from . import demo_pools as P
from .cv_pdf import render_cv_pdf
from .demo_pools import pick
from .files import delete as delete_file, store_bytes
from .passwords import hash_password
from .reference_data import ensure_reference_data
from .tokens import new_token, token_hash

DEFAULT_APPLICATIONS = 400
RICH_LIMIT = 500  # applications with interviews, messages and message-linked history
CV_FILE_LIMIT = 2000  # candidates with a stored PDF CV
BIG = 50_000  # from here, indexes are rebuilt after the load instead of updated row by row
CHUNK = 25_000
COMPANY = P.COMPANY
OSLO = ZoneInfo("Europe/Oslo")
PLACE = f"{COMPANY}, Dronning Eufemias gate 16, 0191 Oslo"

ALL_RIGHTS = dict(can_send_sms=True, can_reject=True, can_make_offers=True, can_transfer=True, can_delete=True,
                  can_see_deleted=True, can_edit_templates=True)
# (email, name, role, language, time zone, department track, rights beyond the defaults)
USERS = (
    ("admin@example.com", "Kari Bergstrøm", Role.ADMIN, "en", "Europe/Oslo", None, ALL_RIGHTS),
    ("recruiter@example.com", "Lars Haugland", Role.RECRUITER, "en", "Europe/Oslo", None, ALL_RIGHTS),
    ("manager@example.com", "Nina Sandvik", Role.HIRING_MANAGER, "en", "Europe/Oslo", "dev",
     dict(can_reject=False, can_transfer=False)),
    ("ingrid.solheim@example.com", "Ingrid Solheim", Role.RECRUITER, "nb", "Europe/Oslo", None,
     dict(can_make_offers=True, can_see_deleted=True)),
    ("johan.lindqvist@example.com", "Johan Lindqvist", Role.RECRUITER, "sv", "Europe/Stockholm", "support",
     dict(can_send_sms=True, can_delete=True)),
    ("mette.kjaer@example.com", "Mette Kjær", Role.RECRUITER, "da", "Europe/Copenhagen", "sales", {}),
)
CANDIDATE_COLUMNS = ("id", "first_name", "last_name", "email", "mobile", "address", "postal_code", "city", "country",
                     "language", "cv_file_key", "cv_filename", "cv_text", "consent_at", "consent_expires_at",
                     "created_at")
APPLICATION_COLUMNS = ("id", "candidate_id", "project_id", "status", "previous_status", "rejection_type_id",
                       "rejection_reason_id", "ranking", "cover_letter", "screening_answers", "source", "applied_at",
                       "updated_at", "deleted_at", "deleted_by_id")
EVENT_COLUMNS = ("application_id", "project_id", "actor_id", "kind", "payload", "message_id", "created_at")
LANGUAGE_CUM = list(accumulate(P.LANGUAGE_WEIGHTS))
STAGE_CUM = list(accumulate(P.STAGE_WEIGHTS))
OUTCOME_CUM = {k: (statuses, list(accumulate(weights))) for k, (statuses, weights) in P.OUTCOMES.items()}
SOURCE_CUM = (40, 62, 84, 94, 100)  # website, linkedin, the country's job board, referral, facebook
PREVIOUS = {"new": None, "offer": "invited", "hired": "offer"}
NO_MESSAGES: dict = {}

Plan = namedtuple("Plan", "id title track status questions opens closes department_id position_id")


class DemoDataError(RuntimeError):
    """Demo data would mix with real data, or cannot be made."""


def load_demo_data(target: Session | Engine | str | None = None, *, password: str = "demo",
                   applications: int | None = None, force: bool = False, seed: int = 42) -> dict:
    """Fill the database with demo data; returns counts and seconds for the CLI to print.

    target: a Session (the caller commits), an Engine or a database URL (committed here), or None for
    the app's database. Refuses with DemoDataError when users exist, unless force=True. force only
    ever adds: demo users that exist by email are left as they are (password too), departments and
    positions are reused by name, new projects, candidates and applications are added beside the old
    ones, and nothing is deleted. The same seed gives the same people (file keys and tokens differ).
    """
    started, stored = time.perf_counter(), []
    own = not isinstance(target, Session)
    session = Session(target if isinstance(target, Engine) else get_engine(target)) if own else target
    try:
        summary = _load(session, password, applications, force, seed, stored)
        if own:
            session.commit()
    except BaseException:
        for key in stored:  # CV files of rows that were never committed
            delete_file(key)
        raise
    finally:
        if own:
            session.close()
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return summary


def _load(session: Session, password: str, applications: int | None, force: bool, seed: int, stored: list) -> dict:
    if session.exec(select(func.count()).select_from(User)).one() and not force:
        raise DemoDataError("The database already has users; demo data is meant for an empty database. "
                            "Use force to add it beside them (nothing is deleted).")
    n_apps = DEFAULT_APPLICATIONS if applications is None else applications
    if n_apps < 0:
        raise DemoDataError("applications must be zero or more")
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    ensure_reference_data(session)
    departments, positions = _organisation(session)
    users, created = _users(session, password, departments)
    plans = _projects(session, rng, now, n_apps, departments, positions, users)
    counts = _people_and_applications(session, rng, now, n_apps, plans, users, stored)
    return {"users": created, "users_skipped": len(USERS) - created, "projects": len(plans), **counts}


def _organisation(session: Session) -> tuple[dict, dict]:
    """One department and one position per track, reusing those that exist by name."""
    departments, positions = {}, {}
    for track in P.TRACKS:
        name, title = P.DEPARTMENTS[track], P.POSITIONS[track]
        dept = session.exec(select(Department).where(Department.name == name)).first() or Department(name=name)
        session.add(dept)
        session.flush()
        pos = session.exec(select(Position).where(Position.title == title, Position.department_id == dept.id)).first()
        departments[track] = dept
        positions[track] = pos or Position(title=title, department_id=dept.id)
        session.add(positions[track])
    session.flush()
    return departments, positions


def _users(session: Session, password: str, departments: dict) -> tuple[dict[str, User], int]:
    """The demo users by email; the password is hashed once (argon2 is slow on purpose)."""
    users = {u.email: u for u in session.exec(select(User).where(User.email.in_([u[0] for u in USERS])))}
    password_hash = hash_password(password) if len(users) < len(USERS) else ""
    created = 0
    for email, name, role, language, zone, track, rights in USERS:
        if email not in users:
            users[email] = User(email=email, name=name, password_hash=password_hash, role=role, language=language,
                                time_zone=zone, department_id=departments[track].id if track else None, **rights)
            session.add(users[email])
            created += 1
    session.flush()
    return users, created


def _projects(session, rng, now, n_apps, departments, positions, users) -> list[tuple[Plan, float]]:
    """The nine default projects with their share of applications; for big N many more, so a
    million applications spread over ~2,000 projects (a few large ones, a long tail of small ones)."""
    today = now.date()
    specs = [(t, tr, st, today + timedelta(days=d), langs, qs, w) for t, tr, st, d, langs, qs, w in P.PROJECTS]
    spread = [(r + 1) ** -0.8 for r in range(max(0, min(2000, n_apps // 500) - len(specs)) if n_apps > 5000 else 0)]
    scale = 2.5 * sum(s[-1] for s in specs) / (sum(spread) or 1)
    rng.shuffle(spread)
    for weight in spread:
        track, lang = rng.choice(P.TRACKS), rng.choices(P.LANGUAGES, P.LANGUAGE_WEIGHTS)[0]
        days = rng.randint(-1000, 45)
        status = "draft" if rng.random() < 0.03 else ("closed" if days < 0 else "open")
        title = f"{P.TITLES[track][lang]}, {rng.choice(P.PROJECT_CITIES[lang])}"
        keys = ["work_permit"] + rng.sample(["driving_licence", "scandinavian", "shift_work", "years", "notice"],
                                            rng.randint(1, 3))
        specs.append((title[0].upper() + title[1:], track, status, today + timedelta(days=days),
                      [lang, "en"] if lang != "en" else ["en"], keys, 0 if status == "draft" else weight * scale))
    owners = [users[e] for e in ("recruiter@example.com", "ingrid.solheim@example.com", "johan.lindqvist@example.com")]
    made = []
    for title, track, status, deadline, langs, keys, weight in specs:
        questions = [(f"q{i}", key, P.QUESTIONS[key][0]) for i, key in enumerate(keys, start=1)]
        shown = [{"id": qid, "text": {lang: P.QUESTIONS[key][1][lang] for lang in langs},
                  **({"knockout": knockout} if knockout else {})} for qid, key, knockout in questions]
        end = datetime.combine(deadline, clock(21, 59), timezone.utc)
        opens = (now - timedelta(days=rng.randint(12, 30)) if status == "open" else
                 now - timedelta(days=2) if status == "draft" else end - timedelta(days=rng.randint(21, 45)))
        opens = opens.replace(hour=7, minute=rng.randint(0, 59), second=0)
        owner = users["manager@example.com"] if track == "dev" and rng.random() < 0.3 else rng.choice(owners)
        project = RecruitmentProject(title=title, department_id=departments[track].id, position_id=positions[track].id,
                                     status=status, deadline=deadline, languages=langs, screening_questions=shown,
                                     owner_id=owner.id, created_at=opens)
        session.add(project)
        made.append((project, track, status, questions, int(opens.timestamp()), int(min(end, now).timestamp()),
                     weight))
    session.flush()
    return [(Plan(p.id, p.title, track, status, qs, opens, closes, p.department_id, p.position_id), weight)
            for p, track, status, qs, opens, closes, weight in made]


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


def _slots(rng: random.Random, live: list, n_apps: int) -> dict[int, dict[int, str]]:
    """Which arrival (the 1st, the 7th, …) in each project became an offer (open) or a hire (closed)."""
    total = sum(w for _, w in live)
    slots = {}
    for plan, weight in live:
        room = max(2, int(n_apps * weight / total * 0.8))
        if plan.status == "closed":
            count, status = rng.choice((1, 1, 2)), "hired"
        else:
            count, status = rng.choice((0, 1, 1, 2, 3)), "offer"
        slots[plan.id] = dict.fromkeys(rng.sample(range(1, room + 1), min(room, count)), status)
    return slots


def _application(rand, plan: Plan, person: dict, status: str, now: int, refs: dict, recruiters: list, ts) -> dict:
    """One application's facts: status details, times (epoch seconds, and as written), answers, letter."""
    applied = plan.opens + int(rand() * max(1, plan.closes - plan.opens))
    stage = reason = None
    previous = PREVIOUS.get(status, "new")
    if status == "rejected":
        stage = P.STAGE_NAMES[bisect(STAGE_CUM, rand() * STAGE_CUM[-1])]
        interviewed = P.STAGE_INTERVIEW[stage]
        reason = pick(rand, P.REASONS["interview" if interviewed else stage])
        previous = "invited" if interviewed else "new"
    elif status == "withdrawn" and rand() < 0.5:
        previous = "invited"
    updated = applied if status == "new" else min(now, applied + 4 * 3600 + int(rand() * 20 * 86400))
    deleted = min(now, updated + 3600 + int(rand() * 10 * 86400)) if status != "hired" and rand() < 0.03 else None
    answers, knocked = [], stage == "after_screening"
    for qid, key, knockout in plan.questions:
        if knockout:
            answers.append((qid, knockout if knocked else "yes"))
            knocked = False
        else:
            answers.append((qid, person["years_text"] if key == "years" else pick(rand, P.NOTICE[person["lang"]])))
    letter = None
    if rand() < 0.8:
        letter = pick(rand, P.COVER_LETTERS[person["lang"]]).format(project=plan.title, **person["letter"])
    applied_at = ts(applied)
    return {"plan": plan, "project": plan.id, "status": status, "previous": previous, "stage": stage,
            "reason": reason, "type_id": refs["types"][stage] if stage else None,
            "reason_id": refs["reasons"][(reason, person["lang"])] if reason else None,
            "ranking": 1 + int(rand() * 3) if rand() < 0.2 else None, "letter": letter, "answers": tuple(answers),
            "source": person["sources"][bisect(SOURCE_CUM, rand() * 100)], "applied": applied,
            "updated": updated, "deleted": deleted, "applied_at": applied_at,
            "updated_at": applied_at if updated == applied else ts(updated), "deleted_at": ts(deleted),
            "deleted_by": pick(rand, recruiters) if deleted else None, "actor": pick(rand, recruiters),
            "transfer_to": None, "interview": None}


def _history(app: dict, ts, js, messages: dict | None = None) -> list[tuple]:
    """Event rows: applied, one status_changed per step the application took, deleted when deleted.
    messages maps "applied" and a status to the id of the message sent with that step."""
    messages = messages or NO_MESSAGES
    aid, pid, actor = app["id"], app["project"], app["actor"]
    rows = [(aid, pid, None, "applied", js((("source", app["source"]),)), messages.get("applied"), app["applied_at"])]
    path = P.PATHS[app["status"]]
    if app["previous"] == "invited" and len(path) == 1:
        path = ("invited", app["status"])
    start, span, previous = app["applied"], app["updated"] - app["applied"], "new"
    for step, status in enumerate(path, start=1):
        at = start + span * step // len(path)
        extra = ()
        if status == "rejected":
            extra = (("rejection_type", app["stage"]), ("rejection_reason", app["reason"]))
        elif status == "transferred":
            extra = (("to_project_id", app["transfer_to"]),)
        elif status == "invited" and app["interview"]:
            extra = (("interview_id", app["interview"]),)
        elif status == "restored":
            rows.append((aid, pid, actor, "deleted", js((("status", previous),)), None, ts(at - 3600)))
        rows.append((aid, pid, actor, "status_changed", js((("from", previous), ("to", status)) + extra),
                     messages.get(status), app["updated_at"] if step == len(path) else ts(at)))
        previous = status
    if app["deleted"]:
        rows.append((aid, pid, actor, "deleted", js((("status", app["status"]),)), None, app["deleted_at"]))
    return rows


def _people_and_applications(session, rng, now, n_apps, plans, users, stored: list) -> dict:
    """Candidates and exactly n_apps applications with history, then the rich extras; returns counts."""
    live = [(plan, w) for plan, w in plans if w > 0]
    if n_apps and not live:
        raise DemoDataError("There is no open or closed project to apply to.")
    types = session.exec(select(RejectionType)).all()
    refs = {"types": {t.code: t.id for t in types}, "delays": {t.code: t.default_delay_days for t in types},
            "reasons": {(r.code, r.language): r.id for r in session.exec(select(RejectionReason))}}
    recruiters = [u.id for u in users.values() if u.role != Role.HIRING_MANAGER]
    first = (_next_id(session, Candidate), _next_id(session, Application))
    rebuild = _without_indexes(session, (Candidate, Application, ApplicationEvent)) if n_apps >= BIG else None
    write, ts, js = _bulk(session)
    args = (rng, now, n_apps, live, refs, recruiters, first, stored)
    if n_apps >= BIG and "fork" in multiprocessing.get_all_start_methods():
        made = _generate_in_child(args, write, ts, js)
    else:
        made = _generate(*args, write, ts, js)
    if rebuild:
        rebuild()
    extras = _rich(session, rng, now, made.pop("rich"), users, refs, ts, js)
    made["employees"] = _employees(session, made.pop("hired"))
    if session.connection().dialect.name == "postgresql":
        for table in ("candidate", "application", "interview", "message"):
            session.connection().exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    made["events"] += extras.pop("events")
    return made | extras


def _generate_in_child(args: tuple, write, ts, js) -> dict:
    """Run _generate in a forked process that sends its chunks here, so one core makes rows while the
    other writes them (threads would not help: the GIL). The child never touches the database, and
    hands back its random state so the rest of the run is the same as without it."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    rng, stored = args[0], args[-1]

    def produce() -> None:
        def send(*chunk: list) -> None:
            sender.send(("rows", *chunk))  # one message a chunk, so this side goes on while that side writes
            for rows in chunk:
                rows.clear()
        try:
            made = _generate(*args, send, ts, js)
            sender.send(("done", made, rng.getstate(), stored))
        except BaseException:
            with suppress(OSError):  # the writer side has gone away: it already knows
                sender.send(("failed", traceback.format_exc(), stored))

    child = context.Process(target=produce, name="demo-data-generator", daemon=True)
    child.start()
    sender.close()
    try:
        while True:
            try:
                kind, *body = receiver.recv()
            except EOFError:
                raise DemoDataError("The demo data generator stopped unexpectedly.") from None
            if kind == "rows":
                write(*body)
            elif kind == "done":
                rng.setstate(body[1])
                stored.extend(body[2])
                return body[0]
            else:
                stored.extend(body[1])
                raise DemoDataError(f"The demo data generator failed:\n{body[0]}")
    finally:
        receiver.close()
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()


def _generate(rng, now, n_apps, live, refs, recruiters, first, stored, write, ts, js) -> dict:
    """The hot loop: one candidate at a time with their 1-3 applications, handed to write in chunks.
    The first RICH_LIMIT applications are kept back for _rich, hires for _employees; the keys of the
    CV files written go to stored, so a failed run can remove them."""
    rand = rng.random
    targets, cum = [p for p, _ in live], list(accumulate(w for _, w in live))
    slots, arrivals = _slots(rng, live, n_apps), dict.fromkeys((p.id for p in targets), 0)
    (first_candidate, first_app), nowt, year, emails = first, int(now.timestamp()), now.year, {}
    candidate_id, app_id = first
    candidates, applications, events, rich, hired = [], [], [], [], []
    cv_files = event_count = 0
    while app_id - first_app < n_apps:
        k = min((1, 2, 3)[bisect((62, 88), rand() * 100)], n_apps - (app_id - first_app), len(targets))
        chosen: list[Plan] = []
        while len(chosen) < k:
            plan = targets[bisect(cum, rand() * cum[-1])]
            if plan not in chosen:
                chosen.append(plan)
        track = chosen[0].track if rand() < 0.85 else pick(rand, P.TRACKS)
        lang = P.LANGUAGES[bisect(LANGUAGE_CUM, rand() * LANGUAGE_CUM[-1])]
        person = P.person(rand, lang, track, emails, year, candidate_id - first_candidate < CV_FILE_LIMIT)
        mine = []
        for j, plan in enumerate(chosen):
            arrivals[plan.id] += 1
            status = slots[plan.id].get(arrivals[plan.id])
            if status is None:
                statuses, weights = OUTCOME_CUM[plan.status]
                status = statuses[bisect(weights, rand() * weights[-1])]
                if status == "transferred" and j == k - 1:
                    status = "saved"  # a transfer needs somewhere to go: the candidate's next project
            app = _application(rand, plan, person, status, nowt, refs, recruiters, ts)
            if mine and mine[-1]["status"] == "transferred":
                mine[-1]["transfer_to"], app["source"] = plan.id, "transfer"
            app["id"], app["candidate"], app_id = app_id, candidate_id, app_id + 1
            mine.append(app)
        for app in mine:
            applications.append((app["id"], candidate_id, app["project"], app["status"], app["previous"],
                                 app["type_id"], app["reason_id"], app["ranking"], app["letter"], js(app["answers"]),
                                 app["source"], app["applied_at"], app["updated_at"], app["deleted_at"],
                                 app["deleted_by"]))
            if app["id"] - first_app < RICH_LIMIT:
                rich.append((app, person))
            else:
                history = _history(app, ts, js)
                events += history
                event_count += len(history)
            if app["status"] == "hired":
                hired.append((app, person))
        key = filename = None
        if "cv" in person and rand() < 0.92:
            key, cv_files = store_bytes(render_cv_pdf(person["cv"])), cv_files + 1
            stored.append(key)
            filename = f"CV_{person['first']}_{person['last']}.pdf".replace(" ", "_")
        earliest = min(mine, key=itemgetter("applied"))  # consent is given when applying, for a year
        candidates.append((candidate_id, person["first"], person["last"], person["email"], person["mobile"],
                           person["address"], person["postal"], person["city"], person["country"], lang, key,
                           filename, person["cv_text"], earliest["applied_at"], ts(earliest["applied"] + 365 * 86400),
                           earliest["applied_at"]))
        candidate_id += 1
        if len(applications) >= CHUNK:
            write(candidates, applications, events)
    write(candidates, applications, events)
    return {"candidates": candidate_id - first_candidate, "applications": app_id - first_app, "events": event_count,
            "cv_files": cv_files, "rich": rich, "hired": hired}


def _office_hours(rng: random.Random, day: date) -> datetime:
    """A half hour between 09:00 and 15:30 Oslo time on the first weekday from day, as UTC."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    local = datetime.combine(day, clock(rng.randint(9, 15), rng.choice((0, 30))), OSLO)
    return local.astimezone(timezone.utc)


def _interview(rng, app: dict, now: datetime) -> dict | None:
    """An interview that fits the application's story: upcoming when invited, in the past when it
    led to an offer, a hire, a withdrawal or a rejection after an interview; None otherwise."""
    status, stage = app["status"], app["stage"]
    applied = datetime.fromtimestamp(app["applied"], timezone.utc)
    updated = datetime.fromtimestamp(app["updated"], timezone.utc)
    if status == "invited" and not app["deleted"]:
        kind = rng.choices(("initial", "first", "second"), (30, 50, 20))[0]
        starts = _office_hours(rng, now.date() + timedelta(days=rng.randint(1, 14)))
        acceptance = rng.choices(("awaiting", "accepted", "not_accepted", "contact_new_time"), (40, 40, 8, 12))[0]
        created = updated
        answered = None if acceptance == "awaiting" else min(now, created + timedelta(hours=rng.randint(1, 30)))
    elif status in ("offer", "hired") or (stage and P.STAGE_INTERVIEW[stage]) or app["previous"] == "invited":
        kind = "second" if status in ("offer", "hired") else P.STAGE_INTERVIEW.get(stage) or "first"
        created = applied + (updated - applied) * 0.3
        starts = _office_hours(rng, (applied + (updated - applied) * 0.6).date())
        if starts < created:
            starts = _office_hours(rng, created.date() + timedelta(days=1))
        starts = min(starts, now - timedelta(hours=2))
        acceptance = "not_relevant" if status == "withdrawn" else "accepted"
        answered = created + (starts - created) / 3
    else:
        return None
    mode = rng.choices(("in_person", "video", "phone"), (50, 30, 20))[0]
    return {"application_id": app["id"], "interview_type": kind, "mode": mode, "starts_at": starts,
            "duration_minutes": rng.choice((30, 45, 60, 60, 90)), "place": PLACE if mode == "in_person" else None,
            "video_link": f"https://meet.example.com/nordlys-{rng.randrange(16 ** 8):08x}" if mode == "video" else None,
            "confirm_token_hash": token_hash(new_token()), "acceptance": acceptance,
            "answered_at": answered,
            # Email reminders only, to example.com addresses: demo mobiles are random numbers in real ranges.
            "reminder_channel": "email" if status == "invited" and rng.random() < 0.5 else "none",
            "reminder_days": rng.choice((1, 2, 3)), "reminder_subject": None, "reminder_body": None, "sequence": 0,
            "created_by_id": app["actor"], "created_at": min(created, now)}


def _message(run: str, purpose: str, app: dict, person: dict, when: str, at: datetime) -> dict:
    """A held email in the candidate's language (no provider in a demo, so nothing leaves)."""
    lang = person["lang"]
    fields = {"first_name": person["first"], "project": app["plan"].title, "company": COMPANY, "when": when}
    subject, body = P.MESSAGES[purpose][lang]
    text = f"{body.format(**fields)}\n\n{P.SIGN_OFF[lang]}\n{COMPANY}"
    html = "".join(f"<p>{escape(par).replace(chr(10), '<br>')}</p>" for par in text.split("\n\n"))
    return {"channel": "email", "application_id": app["id"], "purpose": purpose, "status": "held",
            "sender": f"{COMPANY} <jobs@example.com>", "recipient": person["email"], "scheduled_at": at,
            "subject": subject.format(**fields), "body_html": html, "body_text": text, "attachments": [],
            "idempotency_key": f"demo:{run}:{app['id']}:{purpose}", "created_by_id": app["actor"], "created_at": at}


def _rich(session, rng, now, rich: list, users: dict, refs: dict, ts, js) -> dict:
    """Interviews, held messages and step-by-step history for the first applications, and panel reviews."""
    conn = session.connection()
    interview_id, message_id = _next_id(session, Interview), _next_id(session, Message)
    run = uuid.uuid4().hex[:8]
    helpers = [users["manager@example.com"].id, users["ingrid.solheim@example.com"].id]
    interviews, links, messages, events = [], [], [], []
    for app, person in rich:
        sent = {}
        at = datetime.fromtimestamp(app["applied"], timezone.utc) + timedelta(minutes=1)
        messages.append(_message(run, "application_received", app, person, "", at) | {"id": message_id})
        sent["applied"], message_id = message_id, message_id + 1
        interview = _interview(rng, app, now)
        if interview:
            interview["id"] = app["interview"] = interview_id
            interviews.append(interview)
            links.append({"interview_id": interview_id, "user_id": app["actor"]})
            if rng.random() < 0.4 and app["actor"] not in helpers:
                links.append({"interview_id": interview_id, "user_id": rng.choice(helpers)})
            when = format_datetime(interview["starts_at"], P.WHEN[person["lang"]], tzinfo=OSLO, locale=person["lang"])
            if interview["reminder_channel"] == "email":
                subject, body = P.REMINDERS[person["lang"]]
                interview["reminder_subject"] = subject.format(project=app["plan"].title)
                interview["reminder_body"] = body.format(first_name=person["first"], when=when)
            else:
                interview["reminder_days"] = None
            messages.append(_message(run, "interview_invitation", app, person, when, interview["created_at"])
                            | {"id": message_id, "interview_id": interview_id})
            sent["invited"], message_id, interview_id = message_id, message_id + 1, interview_id + 1
        if app["status"] == "rejected":
            delay = refs["delays"][app["stage"]]
            at = datetime.fromtimestamp(app["updated"], timezone.utc)
            messages.append(_message(run, "rejection", app, person, "", at + timedelta(days=delay))
                            | {"id": message_id, "created_at": at})
            sent["rejected"], message_id = message_id, message_id + 1
        events.extend(_history(app, ts, js, sent))
    for table, rows in ((Interview, interviews), (InterviewRecruiter, links), (Message, messages)):
        if rows:
            conn.execute(insert(table.__table__), rows)
    if events:
        _insert(conn, "application_event", EVENT_COLUMNS, events)
    reviews = _panel_reviews(session, rng, now, rich, users)
    return {"interviews": len(interviews), "messages": len(messages), "panel_reviews": reviews, "events": len(events)}


def _panel_reviews(session, rng, now, rich: list, users: dict) -> int:
    """Two panel reviews on the open projects with most fresh applicants: a manager who has rated
    everyone, a recruiter halfway through, and an outside reviewer who has not started."""
    by_project: dict[int, list] = {}
    for app, _ in rich:
        if app["plan"].status == "open" and app["status"] in ("new", "invited") and not app["deleted"]:
            by_project.setdefault(app["project"], []).append(app)
    chosen = sorted(by_project.values(), key=len, reverse=True)[:2]
    panel = [(users["manager@example.com"], 1.0), (users["ingrid.solheim@example.com"], 0.5), (None, 0.0)]
    for apps in chosen:
        apps = apps[:5]
        review = PanelReview(project_id=apps[0]["project"], created_by_id=users["recruiter@example.com"].id,
                             notify_on_completion=True, created_at=now - timedelta(days=3),
                             closes_at=now + timedelta(days=4))
        session.add(review)
        session.flush()
        for app in apps:
            session.add(PanelReviewApplication(panel_review_id=review.id, application_id=app["id"]))
        for user, share in panel:
            done = share == 1.0
            reviewer = Reviewer(panel_review_id=review.id, user_id=user.id if user else None,
                                email=user.email if user else "eva.lund@example.net",
                                name=user.name if user else "Eva Lund", token_hash=token_hash(new_token()),
                                completed_at=now - timedelta(days=1) if done else None)
            session.add(reviewer)
            session.flush()
            for app in apps[:round(len(apps) * share)]:
                session.add(Rating(reviewer_id=reviewer.id, application_id=app["id"],
                                   score=rng.choice((2, 3, 4, 5, 5, 6, 6, 7)),
                                   comment=rng.choice(P.RATING_COMMENTS) if rng.random() < 0.7 else None,
                                   created_at=now - timedelta(days=rng.randint(1, 2))))
    session.flush()
    return len(chosen)


def _employees(session: Session, hired: list) -> int:
    """Hired applicants become employees of the project's department and position."""
    rows = []
    for app, person in hired:
        at = datetime.fromtimestamp(app["updated"], timezone.utc)
        rows.append({"candidate_id": app["candidate"], "first_name": person["first"], "last_name": person["last"],
                     "email": person["email"], "position_id": app["plan"].position_id,
                     "department_id": app["plan"].department_id, "start_date": (at + timedelta(days=45)).date(),
                     "hired_from_project_id": app["project"], "created_at": at})
    for start in range(0, len(rows), CHUNK):
        session.connection().execute(insert(Employee.__table__), rows[start:start + CHUNK])
    return len(rows)
