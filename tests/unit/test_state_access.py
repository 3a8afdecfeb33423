"""Every event handler, called by a logged-in user without the right or about objects they may not see, is
refused: nothing changes in the database and nothing of the hidden objects reaches the state.

Beside test_state_security (anonymous clients), this module shares one seeded database: the demo data (every
kind of object, each kind's first row with id 1: the number every int argument is given), and users in a
department of their own that is on no project: hiring managers with and without a department, a department
admin, a recruiter holding every right, and for each right a recruiter holding all the others.
"""

import functools
import hashlib
import inspect
import json
import logging

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from sqlalchemy import text
from sqlmodel import Session, SQLModel, col, select

from ats_app.accounts import auth
from ats_app.accounts.auth import RIGHTS
from ats_app.accounts.ui import guard
from ats_app.core.db import get_engine
from ats_app.demo.loader import load_demo_data
from ats_app.models import (
    Application,
    Candidate,
    Contract,
    ContractTemplateVersion,
    Department,
    EmailTemplate,
    Employee,
    Interview,
    Message,
    Offer,
    PanelReviewApplication,
    RecruitmentProject,
    Role,
    Task,
    User,
)
from tests.unit.conftest import DB_URL
from tests.unit.factories import make_user
from tests.unit.state_helpers import call, client, log_in, our_states, state_of
from tests.unit.test_state_security import BUILT_IN

# One address that every page's own path pattern reads as id 1: /projects/1, /projects/1/edit, /applications/1,
# /employees/1 (the pages take the object from the address, not from an argument).
PATH = "/projects/1/edit/applications/1/employees/1"
# What each kind of user must not change: the applicants' and projects' tables, their messages and history.
GUARDED_TABLES = ("application", "application_event", "candidate", "contract", "interview", "interview_recruiter",
                  "message", "offer", "panel_review", "panel_review_application", "project_event", "rating",
                  "recruitment_project", "project_recruiter", "reviewer", "task")
EMPLOYEE_TABLES = ("employee", "employee_event")  # recruiters see and change every employee, the others do not
NO_DEPARTMENT, MANAGER, DEPARTMENT_ADMIN, RECRUITER = "hm-none", "hm-elsewhere", "dept-admin", "recruiter"


@pytest.fixture(autouse=True)
def _clean_database():
    """The module's tests share the seeded database (conftest empties it after each test elsewhere)."""
    yield


def _empty_tables() -> None:
    """Every table empty, and on PostgreSQL its id sequence back at 1 (so the seeded rows get id 1 there too)."""
    with get_engine(DB_URL).begin() as conn:
        if DB_URL.startswith("postgresql"):
            names = ", ".join(f'"{table.name}"' for table in SQLModel.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))


def _snapshot(tables) -> dict[str, str]:
    """Per table: its row count and a hash of every row (through the driver's cursor: thousands of rows, fast)."""
    found = {}
    connection = get_engine(DB_URL).raw_connection()
    try:
        cursor = connection.cursor()
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY 1')
            rows = cursor.fetchall()
            found[table] = f"{len(rows)}:{hashlib.sha256(repr(rows).encode()).hexdigest()}"
        cursor.close()
    finally:
        connection.close()
    return found


class _Commits:
    """Whether anyone committed since the last look: SQLite's data_version, read on a connection of our own, moves
    whenever another connection commits (on PostgreSQL we cannot tell, so every table is compared)."""

    def __init__(self) -> None:
        self._connection = get_engine(DB_URL).raw_connection() if DB_URL.startswith("sqlite") else None
        self._last = self._version()

    def _version(self):
        if self._connection is None:
            return None
        cursor = self._connection.cursor()
        cursor.execute("PRAGMA data_version")
        found = cursor.fetchone()[0]
        cursor.close()
        return found

    def since_last_look(self) -> bool:
        now = self._version()
        changed, self._last = now is None or now != self._last, now
        return changed

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()


def _names_of(session: Session, candidate_ids) -> set[str]:
    found = set()
    for candidate in session.exec(select(Candidate).where(col(Candidate.id).in_(list(candidate_ids)))):
        found |= {f"{candidate.first_name} {candidate.last_name}", candidate.email}
    return {s for s in found if s}


def _hidden_words(session: Session) -> tuple[set[str], set[str]]:
    """The names and emails of the hidden objects numbered 1 (their candidates'), and of employee 1."""
    candidates = {1, session.get(Application, 1).candidate_id}
    for model, column in ((Interview, "application_id"), (Offer, "application_id"), (Task, "application_id"),
                          (Contract, "application_id")):
        row = session.get(model, 1)
        if row is not None and getattr(row, column):
            candidates.add(session.get(Application, getattr(row, column)).candidate_id)
    panel_first = session.exec(select(PanelReviewApplication).where(PanelReviewApplication.panel_review_id == 1)
                               .order_by(col(PanelReviewApplication.position))).first()
    if panel_first is not None:
        candidates.add(session.get(Application, panel_first.application_id).candidate_id)
    message = session.get(Message, 1)
    words = _names_of(session, candidates) | ({message.recipient} if message and message.recipient else set())
    employee = session.get(Employee, 1)
    employee_words = {f"{employee.first_name} {employee.last_name}", employee.email or ""} - {""}
    every_employee = set()
    for row in session.exec(select(Employee)):
        every_employee |= {f"{row.first_name} {row.last_name}", row.email or ""}
    return words - every_employee, employee_words


@pytest.fixture(scope="module")
def world():
    """The demo data, a contract and an email template numbered 1, and the users who may see none of it."""
    _empty_tables()
    load_demo_data(DB_URL)
    with Session(get_engine(DB_URL), expire_on_commit=False) as session:
        version = session.exec(select(ContractTemplateVersion).order_by(col(ContractTemplateVersion.id))).first()
        first = session.get(Application, 1)
        session.add(Contract(application_id=first.id, template_version_id=version.id, file_key="contracts/none.pdf",
                             filename="contract.pdf", token_hash="0" * 64))
        session.add(EmailTemplate(kind="custom", language="en", department_id=session.get(
            RecruitmentProject, first.project_id).department_id, subject="Hidden", body_html="<p>Hidden</p>"))
        session.commit()
        elsewhere = Department(name="Elsewhere")
        session.add(elsewhere)
        session.commit()
        all_rights = {right: True for right in RIGHTS}
        make_user(session, "hm-none@example.com", role=Role.HIRING_MANAGER)
        make_user(session, "hm-elsewhere@example.com", role=Role.HIRING_MANAGER, department_id=elsewhere.id,
                  can_send_to_panel=True)
        make_user(session, "dept-admin@example.com", role=Role.DEPARTMENT_ADMIN, department_id=elsewhere.id)
        make_user(session, "recruiter@example.net", role=Role.RECRUITER, department_id=elsewhere.id, **all_rights)
        for right in RIGHTS:
            make_user(session, f"without-{right}@example.net", role=Role.RECRUITER, department_id=elsewhere.id,
                      **{**all_rights, right: False})
        words, employee_words = _hidden_words(session)
    assert words and employee_words
    tables = GUARDED_TABLES + EMPLOYEE_TABLES
    commits = _Commits()
    yield {"words": words, "employee_words": employee_words, "before": _snapshot(tables), "commits": commits}
    commits.close()
    _empty_tables()


def _right_of(fn) -> tuple[str | None, tuple]:
    """The right and roles requires(...) (or requires_in_background) wraps fn in."""
    outer = inspect.getclosurevars(fn).nonlocals
    if "allowed" in outer:
        inner = inspect.getclosurevars(outer["allowed"]).nonlocals
        return inner.get("right"), tuple(inner.get("roles") or ())
    return outer.get("right"), ()


def _handlers():
    for cls in our_states():
        for name, handler in cls.event_handlers.items():
            if name not in BUILT_IN and not getattr(handler.fn, "_ats_public", False):
                yield cls, name, _right_of(handler.fn)


def _cases():
    for cls, name, (right, roles) in _handlers():
        for who in (NO_DEPARTMENT, MANAGER, DEPARTMENT_ADMIN, RECRUITER):
            yield pytest.param(cls, name, who, right, roles, id=f"{cls.__name__}.{name}-{who}")
        if right:
            yield pytest.param(cls, name, f"without-{right}", right, roles, id=f"{cls.__name__}.{name}-without-{right}")


def _argument(param: inspect.Parameter):
    """An argument naming object 1 wherever an id may go."""
    annotation = str(param.annotation)
    if "dict" in annotation:
        return {"id": "1", "email": "x@example.com", "password": "x", "name": "1"}
    if "UploadFile" in annotation:
        return []
    if "list" in annotation:
        return ["1"] if "str" in annotation else [1]
    if "int" in annotation:
        return 1
    if annotation in ("bool", "<class 'bool'>"):
        return True
    return "1"


def _email_of(who: str) -> str:
    return f"{who}@example.net" if who == RECRUITER or who.startswith("without-") else f"{who}@example.com"


@functools.cache
def _guard_refuses(who: str, right: str | None, roles: tuple) -> bool:
    """Whether the guard itself must refuse who, as the user is stored (the rest is the rules' to refuse)."""
    with Session(get_engine(DB_URL)) as session:
        stored = session.exec(select(User).where(User.email == _email_of(who))).one()
        user = auth.CurrentUser(id=stored.id, email=stored.email, name=stored.name, role=Role(stored.role).value,
                                language=stored.language, time_zone=stored.time_zone,
                                department_id=stored.department_id,
                                rights=frozenset(r for r in RIGHTS if getattr(stored, r)))
    return not ((right is None or user.has(right)) and (not roles or user.role in roles))


@pytest.mark.parametrize(("cls", "name", "who", "right", "roles"), list(_cases()))
@pytest.mark.filterwarnings("ignore::RuntimeWarning")
async def test_a_user_without_the_right_is_refused_and_sees_nothing_hidden(world, cls, name, who, right, roles,
                                                                          caplog):
    root = await log_in(client(), _email_of(who), "demo")
    root.router = RouterData.from_router_data({"headers": {"origin": "http://127.0.0.1:3000"}, "asPath": PATH,
                                               "pathname": PATH})
    state = state_of(root, cls)
    params = list(inspect.signature(cls.event_handlers[name].fn).parameters.values())[1:]
    caplog.clear()
    world["commits"].since_last_look()  # the log-in's own commit
    with caplog.at_level(logging.INFO, logger=guard.__name__):
        try:
            await call(state, name, *[_argument(p) for p in params])
        except (ValueError, TypeError, KeyError, IndexError, LookupError):
            pass  # an argument of the wrong shape for this handler: refused all the same
    tables = GUARDED_TABLES + (EMPLOYEE_TABLES if who in (NO_DEPARTMENT, MANAGER, DEPARTMENT_ADMIN) else ())
    if world["commits"].since_last_look():
        assert _snapshot(tables) == {t: world["before"][t] for t in tables}, f"{cls.__name__}.{name} changed data"
    shown = json.dumps(root.dict(), default=str)
    hidden = world["words"] | (world["employee_words"] if who in (NO_DEPARTMENT, MANAGER, DEPARTMENT_ADMIN) else set())
    leaked = sorted(word for word in hidden if word in shown)
    assert not leaked, f"{cls.__name__}.{name} showed {leaked} to {who}"
    refusals = [r for r in caplog.records if r.name == guard.__name__ and r.getMessage().startswith("refused ")]
    if _guard_refuses(who, right, roles):
        assert refusals, f"{cls.__name__}.{name} ran for {who} (it needs {right or roles})"


def test_the_check_sees_a_change(world):
    """The test above would notice a handler's commit: data_version moves and the hash differs."""
    world["commits"].since_last_look()
    with Session(get_engine(DB_URL)) as session:
        task = session.get(Task, 1)
        task.note, before = "changed", task.note
        session.commit()
        assert world["commits"].since_last_look() and _snapshot(("task",)) != {"task": world["before"]["task"]}
        task.note = before
        session.commit()
    assert _snapshot(("task",)) == {"task": world["before"]["task"]}


def test_every_kind_of_hidden_object_is_number_one(world):
    with Session(get_engine(DB_URL)) as session:
        for model in (Application, Candidate, Interview, Offer, Contract, Employee, Message, Task, EmailTemplate):
            assert session.get(model, 1) is not None, model.__name__
        assert session.exec(select(User).where(User.email == "recruiter@example.net")).one().department_id
    assert rx.State  # the app's states are registered (state_helpers imports the app)
