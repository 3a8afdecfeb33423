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

This module is the entry point and the hot loop; the rest lives beside it: company (departments, users,
projects), applications (one application and its history), bulk (raw inserts, indexes), extras
(interviews, messages, panel reviews, employees), and the word pools in people (who applies, with their
CVs) and recruiting (projects, letters, messages, outcomes).
"""

import multiprocessing
import random
import time
import traceback
from bisect import bisect
from collections.abc import Mapping
from contextlib import suppress
from datetime import datetime, timezone
from itertools import accumulate
from operator import itemgetter

from sqlalchemy import Engine, func, update
from sqlmodel import Session, select

from ats_app.applications.applicant_keys import search_text, sort_name
from ats_app.contracts.defaults import ensure_default_templates
from ats_app.core.db import get_engine
from ats_app.core.files import delete as delete_file
from ats_app.core.files import store_bytes
from ats_app.demo import people
from ats_app.demo.applications import OUTCOME_CUM, _application, _history, _slots
from ats_app.demo.bulk import CHUNK, _bulk, _next_id, _without_indexes
from ats_app.demo.company import USERS, Plan, _organisation, _projects, _users
from ats_app.demo.cv_pdf import render_cv_pdf
from ats_app.demo.duplicates import TYPO, DemoDuplicates, birth_date
from ats_app.demo.extras import _rich
from ats_app.demo.intake import apply_through_the_form
from ats_app.demo.offers import demo_offers
from ats_app.demo.people import pick
from ats_app.demo.staff import _employees
from ats_app.models import Application, ApplicationEvent, Candidate, RejectionReason, RejectionType, Role, User
from ats_app.organisation.reference_data import ensure_reference_data

DEFAULT_APPLICATIONS = 400
RICH_LIMIT = 500  # applications with interviews, messages and message-linked history
CV_FILE_LIMIT = 2000  # candidates with a stored PDF CV
BIG = 50_000  # from here, indexes are rebuilt after the load instead of updated row by row
LANGUAGE_CUM = list(accumulate(people.LANGUAGE_WEIGHTS))


class DemoDataError(RuntimeError):
    """Demo data would mix with real data, or cannot be made."""


def load_demo_data(target: Session | Engine | str | None = None, *, password: str | Mapping[str, str] = "demo",
                   applications: int | None = None, force: bool = False, seed: int = 42) -> dict:
    """Fill the database with demo data; returns counts and seconds for the CLI to print.

    target: a Session (the caller commits), an Engine or a database URL (committed here), or None for
    the app's database. password: one for every demo user, or one per demo user's email. Refuses with
    DemoDataError when users exist, unless force=True. force only ever adds: demo users that exist by email
    are left as they are (password too), departments and positions are reused by name, new projects,
    candidates and applications are added beside the old ones, and nothing is deleted. The same seed gives the
    same people (file keys and tokens differ).
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


def _load(session: Session, password: str | Mapping[str, str], applications: int | None, force: bool, seed: int,
          stored: list) -> dict:
    if session.exec(select(func.count()).select_from(User)).one() and not force:
        raise DemoDataError("The database already has users; demo data is meant for an empty database. "
                            "Use force to add it beside them (nothing is deleted).")
    n_apps = DEFAULT_APPLICATIONS if applications is None else applications
    if n_apps < 0:
        raise DemoDataError("applications must be zero or more")
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    ensure_reference_data(session)
    ensure_default_templates(session)  # one organisation-wide contract template per language
    departments, positions = _organisation(session)
    users, created = _users(session, password, departments)
    plans = _projects(session, rng, now, n_apps, departments, positions, users)
    counts = _people_and_applications(session, rng, now, n_apps, plans, users, stored)
    if applications is None:  # the default demo: a few of them came through the careers site's form
        through_the_form = apply_through_the_form(session, now)
        counts["applications"] = counts.get("applications", 0) + through_the_form
        counts["cv_files"] = counts.get("cv_files", 0) + through_the_form
    return {"users": created, "users_skipped": len(USERS) - created, "projects": len(plans), **counts}


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
    _birth_dates(session, made.pop("twins"), now.year)
    extras = _rich(session, rng, now, made.pop("rich"), users, refs, ts, js)
    made["employees"] = _employees(session, made.pop("hired"))
    made["offers"] = demo_offers(session, now, users["recruiter@example.com"].id)
    if session.connection().dialect.name == "postgresql":
        for table in ("candidate", "application", "interview", "message", "employee"):
            session.connection().exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    made["events"] += extras.pop("events")
    return made | extras


def _birth_dates(session: Session, pairs: list, year: int) -> None:
    """The typo pair of the demo duplicates shares a birth date (no other demo candidate has one)."""
    for first_id, second_id, kind in pairs:
        if kind == TYPO:
            born = birth_date(first_id, year)
            session.execute(update(Candidate).where(Candidate.id.in_((first_id, second_id))).values(birth_date=born))


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
    twins = DemoDuplicates()
    while app_id - first_app < n_apps:
        k = min((1, 2, 3)[bisect((62, 88), rand() * 100)], n_apps - (app_id - first_app), len(targets))
        chosen: list[Plan] = []
        while len(chosen) < k:
            plan = targets[bisect(cum, rand() * cum[-1])]
            if plan not in chosen:
                chosen.append(plan)
        track = chosen[0].track if rand() < 0.85 else pick(rand, people.TRACKS)
        lang = people.LANGUAGES[bisect(LANGUAGE_CUM, rand() * LANGUAGE_CUM[-1])]
        person = people.person(rand, lang, track, emails, year, candidate_id - first_candidate < CV_FILE_LIMIT)
        if twins.active:
            person = twins.see(candidate_id - first_candidate, candidate_id, person, {p.id for p in chosen})
            lang = person["lang"]
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
        sorted_as = sort_name(person["first"], person["last"])
        searched_as = search_text(person["first"], person["last"], person["email"])
        for app in mine:
            applications.append((app["id"], candidate_id, app["project"], app["status"], app["previous"],
                                 app["type_id"], app["reason_id"], app["ranking"], app["letter"], js(app["answers"]),
                                 app["source"], app["applied_at"], app["updated_at"], app["deleted_at"],
                                 app["deleted_by"], sorted_as, searched_as, app["knocked_out"]))
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
            "cv_files": cv_files, "rich": rich, "hired": hired, "twins": twins.pairs}
