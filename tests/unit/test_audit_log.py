"""The audit page's rules, its CSV download (admins only), the lines exports and permanent deletions leave, and
the page's State."""

import csv
import io
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import audit, audit_log, audit_words, auth
from ats_app.accounts.audit_log import Filters
from ats_app.accounts.ui.audit_state import AuditState
from ats_app.core.errors import NotAllowed
from ats_app.core.i18n import LANGUAGES, gettext, translations
from ats_app.handling import further_progress as fp
from ats_app.models import AuditEvent, Role
from ats_app.models.base import utcnow
from ats_app.web.routes import api
from tests.unit.factories import login_as, make_application, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

DAY = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def people(session):
    make_user(session, name="Astrid Admin", time_zone="Europe/Oslo")
    make_user(session, "rec@example.com", role=Role.RECRUITER, name="Rolf Recruiter")
    make_user(session, "dept@example.com", role=Role.DEPARTMENT_ADMIN, name="Dina Department")
    return {"admin": login_as(session), "recruiter": login_as(session, "rec@example.com"),
            "department_admin": login_as(session, "dept@example.com")}


def _line(session, kind, *, days=0, actor=None, subject="", **details):
    audit.record(session, kind, actor_id=actor.id if actor else None, actor_name=actor.name if actor else "",
                 subject=subject, details=details, at=DAY + timedelta(days=days))
    session.commit()


def _clear(session):
    for event in session.exec(select(AuditEvent)):
        session.delete(event)
    session.commit()


def test_lines_newest_first_filtered_by_kind_actor_dates_and_text(session, people):
    _clear(session)  # the log-ins of the fixture
    admin, recruiter = people["admin"], people["recruiter"]
    _line(session, audit.LOGIN, days=0, actor=admin, subject="admin@example.com")
    _line(session, audit.EXPORT, days=1, actor=recruiter, subject="Employees CSV", rows=3)
    _line(session, audit.LOGIN_FAILED, days=2, subject="nobody@example.com")
    _line(session, audit.EXPORT, days=3, actor=admin, subject="Rejection reasons CSV", rows=1)
    subjects = lambda **f: [r.subject for r in audit_log.list_lines(session, admin, Filters(**f))[0]]  # noqa: E731
    assert subjects() == ["Rejection reasons CSV", "nobody@example.com", "Employees CSV", "admin@example.com"]
    assert subjects(kind=audit.EXPORT) == ["Rejection reasons CSV", "Employees CSV"]
    assert subjects(actor_id=recruiter.id) == ["Employees CSV"]
    assert subjects(since=date(2026, 11, 21), until=date(2026, 11, 22)) == ["nobody@example.com", "Employees CSV"]
    assert subjects(text="csv") == ["Rejection reasons CSV", "Employees CSV"]
    assert subjects(text="100%_") == []  # LIKE's wildcards are text here
    assert audit_log.list_lines(session, admin, Filters(kind=audit.EXPORT))[1] == 2


def test_dates_are_days_in_the_admins_time_zone(session, people):
    _clear(session)
    audit.record(session, audit.LOGIN, subject="late", at=datetime(2026, 11, 20, 23, 30, tzinfo=timezone.utc))
    session.commit()  # 00:30 on the 21st in Oslo
    lines = lambda day: audit_log.list_lines(session, people["admin"], Filters(since=day, until=day))[0]  # noqa: E731
    assert [r.subject for r in lines(date(2026, 11, 21))] == ["late"] and lines(date(2026, 11, 20)) == []


def test_fifty_a_page(session, people):
    _clear(session)
    for i in range(53):
        audit.record(session, audit.LOGIN, subject=f"n{i}", at=DAY + timedelta(minutes=i))
    session.commit()
    first, total = audit_log.list_lines(session, people["admin"], Filters())
    second, _ = audit_log.list_lines(session, people["admin"], Filters(), offset=50)
    assert total == 53 and len(first) == 50 and first[0].subject == "n52" and [r.subject for r in second] == [
        "n2", "n1", "n0"]


@pytest.mark.parametrize("who", ["recruiter", "department_admin"])
def test_only_admins_read_the_log(session, people, who):
    with pytest.raises(NotAllowed):
        audit_log.list_lines(session, people[who], Filters())
    with pytest.raises(NotAllowed):
        audit_log.export_csv(session, people[who], Filters())
    with pytest.raises(NotAllowed):
        audit_log.actors(session, people[who])


def test_every_kind_is_in_words_in_six_languages():
    assert set(audit_log.KIND_LABELS) == set(audit.KINDS)
    for language in LANGUAGES:
        if language != "en":  # every kind's words are in the compiled catalog (some equal the English)
            catalog = translations(language)._catalog  # noqa: SLF001
            assert all(catalog.get(audit_log.KIND_LABELS[kind]) for kind in audit.KINDS), language
    assert audit_log.kind_label(audit.PERMANENT_DELETION, "nb") == "Slettet permanent"


def test_details_and_exports_are_in_the_readers_words():
    for language in LANGUAGES:
        if language != "en":
            catalog = translations(language)._catalog  # noqa: SLF001
            words = [*audit_words.DETAIL_LABELS.values(), *audit_words.VALUE_LABELS.values(),
                     *audit_words.EXPORT_SUBJECTS.values()]
            assert all(catalog.get(w) for w in words), [w for w in words if not catalog.get(w)]
    shown = audit_words.details_text({"rows": 6, "searched": False, "shown": "current"}, "nb")
    assert shown == "Rader: 6 · Søkt: Nei · Vist: nåværende"
    rights = audit_words.details_text({"before": ["can_reject"], "after": []}, "en")
    assert rights == "After: – · Before: Reject"
    assert audit_words.subject_text(audit.EXPORT, "Employees CSV", "sv") == "Anställda (CSV)"
    assert audit_words.subject_text(audit.LOGIN, "Employees CSV", "sv") == "Employees CSV"  # a person's name stays
    assert audit_words.details_text({"new_key": [1]}, "nb") == "new_key: [1]"


@pytest.mark.parametrize("values, ok", [
    ({}, True), ({"kind": "export", "actor": "12", "since": "2026-11-01", "until": "2026-11-30", "q": "x"}, True),
    ({"kind": "nonsense"}, False), ({"actor": "12a"}, False), ({"actor": "9" * 20}, False),
    ({"since": "2026-13-01"}, False), ({"until": "yesterday"}, False),
])
def test_filters_from_the_page_or_the_query(values, ok):
    assert (audit_log.filters_from(values) is not None) is ok


def test_csv_is_guarded_translated_and_leaves_an_export_line(session, people):
    _clear(session)
    _line(session, audit.LOGIN_FAILED, subject="=HYPERLINK(\"http://evil\")")
    admin = people["admin"]
    text = audit_log.export_csv(session, admin, Filters(kind=audit.LOGIN_FAILED), client_ip="10.0.0.9")
    session.commit()
    rows = list(csv.reader(io.StringIO(text.encode().decode("utf-8-sig"))))
    assert rows[0] == ["When", "What", "Who", "Done to", "Details", "Client address"]
    assert rows[1][0] == "2026-11-20T10:00:00+01:00" and rows[1][1] == "Log-in failed"
    assert rows[1][3].startswith("'=")
    [export] = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.EXPORT)).all()
    assert export.actor_id == admin.id and export.subject == "Audit log CSV" and export.client_ip == "10.0.0.9"
    assert export.details == {"rows": 1, "kind": audit.LOGIN_FAILED}


def _web(session, email=None) -> TestClient:
    if email is None:
        return TestClient(api, follow_redirects=False)
    return TestClient(api, follow_redirects=False, cookies={auth.SESSION_COOKIE: auth.log_in(session, email, "demo")})


def test_the_csv_route_is_for_admins_only(session, people):
    assert _web(session).get("/audit/export.csv").status_code == 401
    assert _web(session, "rec@example.com").get("/audit/export.csv").status_code == 403
    assert _web(session, "rec@example.com").get("/audit/export.csv?kind=bad").status_code == 403
    assert _web(session, "dept@example.com").get("/audit/export.csv").status_code == 403
    admin = _web(session, "admin@example.com")
    assert admin.get("/audit/export.csv", params={"since": "soon"}).status_code == 400
    response = admin.get("/audit/export.csv", params={"kind": audit.LOGIN})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="audit-log.csv"' in response.headers["content-disposition"]
    assert "no-store" in response.headers["cache-control"]
    body = response.content.decode("utf-8-sig")
    assert body.count("\r\n") == 1 + len(session.exec(select(AuditEvent).where(AuditEvent.kind == audit.LOGIN)).all())


def test_the_other_downloads_leave_export_lines(session, people):
    admin = _web(session, "admin@example.com")
    assert admin.get("/employees/export.csv").status_code == 200
    assert admin.get("/reports/rejections.csv").status_code == 200
    session.expire_all()
    lines = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.EXPORT).order_by(AuditEvent.id)).all()
    assert [(e.subject, e.actor_name) for e in lines] == [("Employees CSV", "Astrid Admin"),
                                                          ("Rejection reasons CSV", "Astrid Admin")]
    assert lines[0].details == {"rows": 0, "searched": False, "shown": "current"}


def test_delete_permanently_leaves_a_line_with_ids_and_no_name(session, people):
    project = make_project(session)
    apps = [make_application(session, project, first_name=n, last_name="Sørli", deleted_at=utcnow())
            for n in ("Kari", "Ola")]
    assert fp.run(session, people["admin"], "purge", [a.id for a in apps], {"confirmation": "DELETE"}).done == 2
    lines = session.exec(select(AuditEvent).where(AuditEvent.kind == audit.PERMANENT_DELETION)).all()
    assert [(e.subject, e.details, e.actor_name) for e in lines] == [
        ("1 application", {"application_ids": [a.id], "project_id": project.id}, "Astrid Admin") for a in apps]
    assert not any("Sørli" in str(e.details) + e.subject for e in lines)


async def test_the_audit_page_state_for_an_admin_and_a_recruiter(session, people):
    root = await log_in(client())
    _clear(session)  # whatever the log-in wrote: this test sets the lines
    _line(session, audit.EXPORT, days=1, actor=people["recruiter"], subject="Employees CSV", rows=3)
    _line(session, audit.LOGIN, actor=people["admin"], subject="admin@example.com")
    page = state_of(root, AuditState)
    await call(page, "load")
    assert page.total == 2 and [r.kind_label for r in page.rows] == ["Export", "Logged in"]
    assert page.rows[1].at and page.rows[0].details == "Rows: 3"
    await call(page, "set_kind", audit.EXPORT)
    assert [r.subject for r in page.rows] == ["Employees CSV"] and page.rows[0].actor_name == "Rolf Recruiter"
    assert page.export_href == "/audit/export.csv?kind=export"
    assert any(c.label == "Rolf Recruiter" for c in page.actors) and len(page.kinds) == len(audit.KINDS)
    await call(page, "set_since", "not a day")
    assert page.since == "" and page.total == 1
    await call(page, "set_until", (DAY - timedelta(days=1)).date().isoformat())
    assert page.total == 0

    other = state_of(await log_in(client(), "rec@example.com"), AuditState)  # the rules give a recruiter nothing
    await call(other, "load")
    assert other.rows == [] and other.total == 0
    await call(other, "set_kind", audit.EXPORT)
    assert other.kind == "" and other.rows == []


def test_the_kind_words_reach_the_page_in_the_users_language():
    assert gettext("sv", audit_log.KIND_LABELS[audit.LOGIN]) == "Loggade in"
